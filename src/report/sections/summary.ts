/** Section 1: the counts an editor reads first. */
import type { RootContent } from 'mdast';
import type { Report, Severity } from '../../store/schema.js';
import { plural } from '../format.js';
import { heading, item, list, paragraph, strong, text } from '../mdast.js';

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

/** Articles, outlets, claims, groups, findings by severity, and how many shared facts rest on one origin. */
export function summarySection(report: Report): RootContent[] {
  const outlets = new Set(report.articles.map((a) => a.outlet).filter((o): o is string => o !== null));
  const noOutlet = report.articles.filter((a) => a.outlet === null).length;
  const byStatus = (s: string): number => report.groups.filter((g) => g.status === s).length;
  const bySeverity = SEVERITIES.map((s) => plural(report.findings.filter((f) => f.severity === s).length, s === 'info' ? 'note' : s));
  const open = report.findings.filter((f) => f.review.status === 'open').length;
  const shared = report.groups.filter((g) => g.articles.length > 1);
  const oneOrigin = shared.filter((g) => g.origins <= 1).length;
  const line = (label: string, value: string) => item(paragraph(strong(label), text(` ${value}`)));
  return [
    heading(2, text('Summary')),
    list([
      line('Articles:', `${report.articles.length} from ${plural(outlets.size, 'outlet')}${noOutlet ? ` (${noOutlet} without a known outlet)` : ''}`),
      line('Claims:', `${report.claims.length}, citing ${plural(report.sources.length, 'source')}`),
      line('Claim groups:', `${report.groups.length} (${byStatus('conflicting')} conflicting, ${byStatus('corroborated')} corroborated, ${byStatus('single-source')} single-source)`),
      line('Findings:', `${bySeverity.join(', ')}; ${open} open`),
      line(
        'Independent origins:',
        shared.length === 0
          ? 'no fact is reported by more than one article'
          : `${oneOrigin} of ${plural(shared.length, 'fact')} reported by more than one article trace back to a single origin (repeated, not corroborated)`,
      ),
    ]),
  ];
}
