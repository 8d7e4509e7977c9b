import { describe, expect, test } from 'vitest';
import { isAllowedExternal, isAppUrl, projectPathFromArgv } from './security';

describe('desktop security helpers', () => {
  test('only app://kajian frames may call the API', () => {
    expect(isAppUrl('app://kajian/index.html')).toBe(true);
    expect(isAppUrl('app://evil/index.html')).toBe(false);
    expect(isAppUrl('https://kajian/index.html')).toBe(false);
    expect(isAppUrl('file:///etc/passwd')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });

  test('external links: allow-listed https hosts only', () => {
    expect(isAllowedExternal('https://www.bpjsketenagakerjaan.go.id/')).toBe(true);
    expect(isAllowedExternal('http://www.bpjsketenagakerjaan.go.id/')).toBe(false);
    expect(isAllowedExternal('https://evil.example/')).toBe(false);
    expect(isAllowedExternal('https://user:pw@xlsform.org/')).toBe(false);
    expect(isAllowedExternal('javascript:alert(1)')).toBe(false);
  });

  test('finds a .kajian file passed by the file association', () => {
    expect(projectPathFromArgv(['/opt/Kajian/kajian', '--no-sandbox', '/home/a/studi.kajian'])).toBe('/home/a/studi.kajian');
    expect(projectPathFromArgv(['/opt/Kajian/kajian', '.'])).toBeNull();
  });
});
