import { resolve } from 'node:path';
import { formatNumber } from '../../analysis/format';
import { openProject, getProjectInfo } from '../../db';
import { buildSampleStudy, SAMPLE_RESPONDENTS, SAMPLE_SEED } from '../../resources/sample/generate';
import { reproduceArticle, type Quantity } from '../api/sample/reproduce';
import { positional, type ParsedArgs } from './args';
import type { Command } from './commands';

const show = (q: Quantity): string => `${formatNumber(q.value, 'en', q.decimals)}${q.unit === 'percent' ? '%' : ''}`;

/**
 * `kajian sample <file.kajian> [--json]`: writes the sample study (SYNTHETIC data built to match
 * the article's aggregates; resources/sample/generate.ts) to a new file and prints how many of the
 * article's figures it reproduces. JSON: {path, synthetic, seed, respondents, title, reproduce}.
 */
export const sampleCommands: Record<string, Command> = {
  sample: {
    usage: 'kajian sample <file.kajian> [--json]',
    summary: 'write the sample study (synthetic data matching the article) to a new project file',
    run(args: ParsedArgs) {
      const file = resolve(positional(args, 1, 'the project file to create'));
      buildSampleStudy(file);
      const p = openProject(file);
      try {
        const report = reproduceArticle(p.db, getProjectInfo(p.db).title);
        const lines = [
          `Created ${file}: the sample study, SYNTHETIC data (seed ${SAMPLE_SEED}, ${SAMPLE_RESPONDENTS} respondents) built to match the article's published figures.`,
          `Article figures: ${report.counts.reproduced} reproduced, ${report.counts.differs} differ, ${report.counts.unavailable} unavailable.`,
          ...report.figures.map(
            (f) => `  ${f.status.padEnd(11)} ${f.label.en}: printed ${f.printed.length ? f.printed.map(show).join(', ') : f.printedText?.en ?? ''}; Kajian ${f.computed.map(show).join(', ') || '–'}`,
          ),
        ];
        return {
          text: lines.join('\n'),
          json: { path: file, synthetic: true, seed: SAMPLE_SEED, respondents: SAMPLE_RESPONDENTS, title: getProjectInfo(p.db).title, reproduce: report },
        };
      } finally {
        p.close();
      }
    },
  },
};
