import { formatPercent } from '@yoriai/domain';
import type { Bilingual, MinutesAgendaItem, MinutesAnalytics, MinutesDecision, MinutesDocument, MinutesKpi, MinutesProposal } from '../minutes/minutes-document';
import { formatDate, formatDateTime } from '../minutes/minutes-time';
import { progressBlocks } from '../delivery/minutes-progress';
import { L, type Lang } from './export-labels';
import { minutesThemeBlocks } from './minutes-themes-outline';

/**
 * The minutes as format-neutral blocks, in the order a city hall expects: header, attendance,
 * agenda, summary, each item's proposals with discussion, vote, dissent, then decisions, next
 * steps and the verification footer. Every renderer (Markdown, DOCX, PDF) walks the same blocks,
 * so the formats never disagree; and all text here is plain text — markup comes only from the
 * block kinds, which is what keeps user-written text from ever becoming markup.
 */
export type Block =
  | { kind: 'title'; text: string; draft: boolean }
  | { kind: 'banner'; text: string }
  | { kind: 'heading'; level: 2 | 3 | 4; text: string }
  | { kind: 'fields'; rows: Array<[string, string]> }
  | { kind: 'text'; text: string; muted?: boolean }
  | { kind: 'list'; items: ListItem[] }
  | { kind: 'table'; header: string[]; rows: string[][]; numeric?: boolean[]; totalRow?: boolean; widths?: number[] };

export interface ListItem {
  lead?: string;
  text: string;
  sub?: ListItem[];
}

export interface RenderContext {
  lang: Lang;
  /** Final minutes: the content hash of the frozen document; null for a draft. */
  contentHash: string | null;
  exportedAt: Date;
}

const pick = (b: Bilingual, lang: Lang) => b[lang];
const percent = (x: number) => `${Math.round(x * 1000) / 10}%`;
/** 「本文（補足）」 / "text (note)" */
const paren = (text: string, inner: string, lang: Lang) => (lang === 'ja' ? `${text}（${inner}）` : `${text} (${inner})`);

function person(name: string, organization: string | null, lang: Lang, guest = false): string {
  const tag = guest ? L.guest[lang] : null;
  const extra = [organization, tag].filter(Boolean).join(lang === 'ja' ? '・' : ', ');
  return extra ? paren(name, extra, lang) : name;
}

function kpiTable(kpis: MinutesKpi[], lang: Lang): Block {
  return {
    kind: 'table',
    header: [L.kpiIndicator[lang], L.kpiBaseline[lang], L.kpiTarget[lang], L.kpiDeadline[lang]],
    rows: kpis.map((k) => [k.indicator, k.baseline ?? '—', k.target, k.deadline ? formatDate(k.deadline, lang) : '—']),
    widths: [3, 2, 2, 1.4],
  };
}

function ruleText(d: MinutesDecision, lang: Lang): string {
  const p = d.params;
  const bits: string[] = [];
  if (d.rule !== 'MAJORITY') bits.push(`${L.threshold[lang]} ${percent(p.threshold)}`);
  if (d.rule === 'CROSS_SECTOR') bits.push(`${L.minSectors[lang]} ${p.minSectors}`);
  if (p.quorum > 0) bits.push(`${L.quorum[lang]} ${p.quorum}`);
  const name = pick(d.ruleLabel, lang);
  if (!bits.length) return name;
  return lang === 'ja' ? `${name}（${bits.join('、')}）` : `${name} (${bits.join(', ')})`;
}

export function tallyTable(d: MinutesDecision, lang: Lang): Block {
  const t = d.tally;
  return {
    kind: 'table',
    header: [L.sector[lang], L.agree[lang], L.disagree[lang], L.abstain[lang], L.block[lang], L.total[lang]],
    rows: [
      ...t.bySector.map((r) => [pick(r.label, lang), String(r.agree), String(r.disagree), String(r.abstain), String(r.block), String(r.total)]),
      [L.allSectors[lang], String(t.agree), String(t.disagree), String(t.abstain), String(t.block), String(t.total)],
    ],
    numeric: [false, true, true, true, true, true],
    totalRow: true,
    widths: [3, 1, 1, 1, 1, 1],
  };
}

/** The decision's bridging score and its row of the agreement matrix (absent from schemaVersion 1 documents). */
function agreementBlocks(d: MinutesDecision, lang: Lang): Block[] {
  const a = d.analytics;
  if (!a) return [];
  const cell = (c: (typeof a.agreement)[number]) => {
    if (c.suppressed) return [L.suppressedCell[lang], '—'];
    if (!c.voters) return [L.noVotes[lang], '0'];
    return [c.agreeShare === null ? L.allAbstained[lang] : formatPercent(c.agreeShare), String(c.voters)];
  };
  const out: Block[] = [
    { kind: 'heading', level: 4, text: L.agreementBySector[lang] },
    { kind: 'fields', rows: [[L.bridgingScore[lang], a.bridgingScore === null ? '—' : formatPercent(a.bridgingScore)]] },
    {
      kind: 'table',
      header: [L.sector[lang], L.agreeShare[lang], L.voters[lang]],
      rows: a.agreement.map((c) => [pick(c.label, lang), ...cell(c)]),
      numeric: [false, true, true],
      widths: [3, 3, 1],
    },
    { kind: 'text', text: `${L.bridgingExplain[lang]}\n${L.agreementExplain[lang]}`, muted: true },
  ];
  if (a.agreement.some((c) => c.suppressed)) out.push({ kind: 'text', text: L.suppressedExplain[lang], muted: true });
  return out;
}

/** Sectors in the room that did not speak on the item (absent from schemaVersion 1 documents). */
function missingVoiceBlocks(a: MinutesAgendaItem, lang: Lang): Block[] {
  if (!a.missingVoices) return [];
  return [
    { kind: 'heading', level: 4, text: L.missingVoices[lang] },
    { kind: 'text', text: a.missingVoices.length ? a.missingVoices.map((m) => pick(m.label, lang)).join(lang === 'ja' ? '、' : ', ') : L.noMissingVoices[lang] },
    { kind: 'text', text: L.missingVoicesExplain[lang], muted: true },
  ];
}

/** The meeting's dialogue index and the attendance against the representation targets. */
function analyticsBlocks(a: MinutesAnalytics, lang: Lang): Block[] {
  const d = a.dialogue;
  const under = a.representation.filter((r) => r.underRepresented);
  return [
    { kind: 'heading', level: 2, text: L.analytics[lang] },
    { kind: 'fields', rows: [[L.dialogueIndex[lang], d.index === null ? L.noReplies[lang] : L.dialogueValue(formatPercent(d.index), d.crossSector, d.replies)[lang]]] },
    { kind: 'text', text: L.dialogueExplain[lang], muted: true },
    { kind: 'heading', level: 3, text: L.representation[lang] },
    {
      kind: 'table',
      header: [L.sector[lang], L.count[lang], L.share[lang], L.target[lang], L.status[lang]],
      rows: a.representation.map((r) => [pick(r.label, lang), String(r.count), formatPercent(r.share), formatPercent(r.target), r.underRepresented ? L.underRepresented[lang] : '—']),
      numeric: [false, true, true, true, false],
      widths: [3, 1, 1.2, 1.2, 2],
    },
    { kind: 'text', text: under.length ? L.underList(under.map((r) => pick(r.label, lang)).join(lang === 'ja' ? '、' : ', '))[lang] : L.noUnder[lang] },
    { kind: 'text', text: L.representationExplain[lang], muted: true },
  ];
}

function decisionBlocks(d: MinutesDecision, lang: Lang): Block[] {
  const out: Block[] = [
    { kind: 'heading', level: 4, text: paren(L.vote[lang], `${L.recordNo[lang]} ${d.seq}`, lang) },
    {
      kind: 'fields',
      rows: [
        [L.rule[lang], ruleText(d, lang)],
        [L.ballot[lang], pick(d.ballotLabel, lang)],
        [L.outcome[lang], pick(d.outcomeLabel, lang)],
        [L.decidedAt[lang], formatDateTime(d.decidedAt, lang)],
        [L.votedVersion[lang], `${L.versionN(d.proposalVersion)[lang]} (sha256 ${d.proposalHash})`],
        [L.recordHash[lang], d.hash],
        ...(d.supersedes ? [[L.corrects[lang], `${L.recordNo[lang]} ${d.supersedes.seq}`] as [string, string]] : []),
        ...(d.supersededBy ? [[L.correctedBy[lang], `${L.recordNo[lang]} ${d.supersededBy.seq}`] as [string, string]] : []),
      ],
    },
  ];
  if (d.reasons.length) out.push({ kind: 'list', items: d.reasons.map((r) => ({ lead: L.reason[lang], text: lang === 'ja' ? r.ja : r.en })) });
  out.push(tallyTable(d, lang));
  if (d.ballot === 'SECRET' && d.tally.bySector.some((r) => r.sectors.length > 1)) out.push({ kind: 'text', text: L.mergedNote[lang], muted: true });
  out.push(...agreementBlocks(d, lang));
  out.push({ kind: 'heading', level: 4, text: L.dissent[lang] });
  if (!d.dissent.length) out.push({ kind: 'text', text: L.noDissent[lang], muted: true });
  else
    out.push({
      kind: 'list',
      items: d.dissent.map((x) => {
        const who = [x.choiceLabel ? pick(x.choiceLabel, lang) : x.kind === 'COMMENT' ? L.concernComment[lang] : null, x.sectorLabel ? pick(x.sectorLabel, lang) : null, x.name ?? L.unnamed[lang]]
          .filter(Boolean)
          .join(' / ');
        return {
          lead: who,
          text: x.reason || L.noReason[lang],
          sub: x.responses.map((r) => ({
            lead: paren(L.response[lang], [r.respondedBy, formatDateTime(r.respondedAt, lang)].filter(Boolean).join(lang === 'ja' ? '、' : ', '), lang),
            text: r.response,
          })),
        };
      }),
    });
  return out;
}

function proposalBlocks(p: MinutesProposal, lang: Lang): Block[] {
  const out: Block[] = [
    { kind: 'heading', level: 3, text: paren(`${L.proposal[lang]}: ${p.title}`, L.versionN(p.version)[lang], lang) },
    {
      kind: 'fields',
      rows: [
        [L.author[lang], p.authorSector ? paren(p.author, L.sectorName(p.authorSector)[lang], lang) : p.author],
        [L.status[lang], pick(p.statusLabel, lang)],
        [L.proposalHash[lang], p.contentHash],
      ],
    },
  ];
  if (p.kpis.length) out.push({ kind: 'heading', level: 4, text: 'KPI' }, kpiTable(p.kpis, lang));
  out.push({ kind: 'heading', level: 4, text: paren(L.discussion[lang], L.countComments(p.discussion.total)[lang], lang) });
  if (!p.discussion.byStance.length) out.push({ kind: 'text', text: L.noComments[lang], muted: true });
  for (const g of p.discussion.byStance) {
    out.push({
      kind: 'list',
      items: [
        {
          lead: paren(pick(g.label, lang), L.countComments(g.comments.length)[lang], lang),
          text: '',
          sub: g.comments.map((c) => ({ lead: `[${pick(c.sectorLabel, lang)}] ${person(c.author, c.organization, lang)}${c.replyToId ? ` ${L.reply[lang]}` : ''}`, text: c.body })),
        },
      ],
    });
  }
  const notes = [
    p.discussion.hiddenCount ? L.hiddenNote(p.discussion.hiddenCount)[lang] : null,
    p.discussion.earlierCount ? L.earlierNote(p.discussion.earlierCount)[lang] : null,
  ].filter((x): x is string => !!x);
  for (const n of notes) out.push({ kind: 'text', text: n, muted: true });
  if (!p.decisions.length) out.push({ kind: 'heading', level: 4, text: L.vote[lang] }, { kind: 'text', text: L.noVote[lang], muted: true });
  for (const d of p.decisions) out.push(...decisionBlocks(d, lang));
  return out;
}

export function outlineMinutes(doc: MinutesDocument, ctx: RenderContext): Block[] {
  const { lang } = ctx;
  const draft = doc.status !== 'FINAL';
  const blocks: Block[] = [{ kind: 'title', text: `${doc.meeting.title} ${L.minutes[lang]}${draft ? L.draftSuffix[lang] : ''}`, draft }];
  if (draft) blocks.push({ kind: 'banner', text: L.draftBanner[lang] });
  const fields: Array<[string, string]> = [
    [L.process[lang], doc.process.title],
    [L.when[lang], pick(doc.meeting.when, lang)],
    [L.place[lang], doc.meeting.location ?? '—'],
    [L.organizers[lang], doc.organizers.map((o) => person(o.name, o.organization, lang)).join(lang === 'ja' ? '、' : '; ') || '—'],
    [L.facilitator[lang], doc.facilitator ? person(doc.facilitator.name, doc.facilitator.organization, lang) : '—'],
  ];
  blocks.push({ kind: 'fields', rows: fields });

  blocks.push({ kind: 'heading', level: 2, text: paren(L.attendance[lang], L.countPeople(doc.attendance.total)[lang], lang) });
  if (!doc.attendance.bySector.length) blocks.push({ kind: 'text', text: L.noAttendance[lang], muted: true });
  else
    blocks.push({
      kind: 'table',
      header: [L.sector[lang], L.count[lang], L.attendees[lang]],
      rows: doc.attendance.bySector.map((g) => [pick(g.label, lang), String(g.count), g.attendees.map((a) => person(a.name, a.organization, lang, a.guest)).join(lang === 'ja' ? '、' : '; ')]),
      numeric: [false, true, false],
      widths: [1.6, 0.8, 6],
    });

  blocks.push({ kind: 'heading', level: 2, text: L.agenda[lang] });
  if (!doc.agenda.length) blocks.push({ kind: 'text', text: L.noAgenda[lang], muted: true });
  else
    blocks.push({
      kind: 'list',
      items: doc.agenda.map((a) => ({
        text: [`${a.position}. ${a.title}`, a.pillar ? `${L.pillar[lang]}: ${lang === 'en' ? (a.pillar.titleEn ?? a.pillar.title) : a.pillar.title}` : null, a.plannedMinutes ? L.plannedMinutes(a.plannedMinutes)[lang] : null]
          .filter(Boolean)
          .join(lang === 'ja' ? '　' : ' — '),
      })),
    });

  blocks.push({ kind: 'heading', level: 2, text: L.summary[lang] });
  blocks.push(doc.summary.trim() ? { kind: 'text', text: doc.summary } : { kind: 'text', text: L.noSummary[lang], muted: true });

  for (const a of doc.agenda) {
    blocks.push({ kind: 'heading', level: 2, text: `${L.item[lang]} ${a.position}: ${a.title}` });
    if (a.summary.trim()) blocks.push({ kind: 'heading', level: 4, text: L.itemSummary[lang] }, { kind: 'text', text: a.summary });
    if (!a.proposals.length) blocks.push({ kind: 'text', text: L.noProposals[lang], muted: true });
    for (const p of a.proposals) blocks.push(...proposalBlocks(p, lang));
    blocks.push(...missingVoiceBlocks(a, lang));
  }
  // Every decision of the meeting: what was voted or discussed on proposals not on the agenda follows the items.
  const offAgenda = doc.offAgenda ?? [];
  if (offAgenda.length) {
    blocks.push({ kind: 'heading', level: 2, text: L.offAgenda[lang] });
    blocks.push({ kind: 'text', text: L.offAgendaExplain[lang], muted: true });
    for (const p of offAgenda) blocks.push(...proposalBlocks(p, lang));
  }
  // 「主な論点」 across the items, beside the analytics: material for the secretariat's summary.
  blocks.push(...minutesThemeBlocks(doc, lang));
  blocks.push(...progressBlocks(doc.progress, lang));
  if (doc.analytics) blocks.push(...analyticsBlocks(doc.analytics, lang));

  const decisions = [...doc.agenda.flatMap((a) => a.proposals), ...offAgenda].flatMap((p) => p.decisions.map((d) => ({ p, d })));
  blocks.push({ kind: 'heading', level: 2, text: L.decisions[lang] });
  if (!decisions.length) blocks.push({ kind: 'text', text: L.noDecisions[lang], muted: true });
  else
    blocks.push({
      kind: 'table',
      header: [L.proposal[lang], L.outcome[lang], L.rule[lang], L.recordNo[lang], L.recordHash[lang]],
      rows: decisions.map(({ p, d }) => [p.title, pick(d.outcomeLabel, lang), pick(d.ruleLabel, lang), String(d.seq), d.hash]),
      widths: [3, 1.2, 1.6, 0.8, 4],
    });

  const actions = decisions.flatMap(({ p, d }) => d.actionItems.map((x) => ({ p, x })));
  blocks.push({ kind: 'heading', level: 2, text: L.nextSteps[lang] });
  if (!actions.length) blocks.push({ kind: 'text', text: L.noActions[lang], muted: true });
  else
    blocks.push({
      kind: 'table',
      header: [L.action[lang], L.proposal[lang], L.owner[lang], L.due[lang], 'KPI', L.status[lang]],
      rows: actions.map(({ p, x }) => [
        x.title,
        p.title,
        [x.ownerOrganization, x.ownerSectorLabel ? pick(x.ownerSectorLabel, lang) : null].filter(Boolean).join(' / ') || '—',
        x.dueDate ? formatDate(x.dueDate, lang) : '—',
        x.kpi ?? '—',
        pick(x.statusLabel, lang),
      ]),
      widths: [3, 2.4, 2, 1.4, 2.4, 1],
    });

  const chain = doc.footer.chain;
  blocks.push({ kind: 'heading', level: 2, text: L.verification[lang] });
  const footer: Array<[string, string]> = [
    [L.documentStatus[lang], draft ? L.draftStatus[lang] : L.finalStatus[lang]],
    [L.generatedAt[lang], formatDateTime(doc.footer.generatedAt, lang)],
  ];
  if (!draft) {
    footer.push([L.finalizedAt[lang], doc.footer.finalizedAt ? formatDateTime(doc.footer.finalizedAt, lang) : '—']);
    footer.push([L.finalizedBy[lang], doc.footer.finalizedBy ?? '—']);
    if (ctx.contentHash) footer.push([L.contentHash[lang], ctx.contentHash]);
  }
  footer.push([L.chain[lang], chain.valid ? L.chainOk(chain.length)[lang] : L.chainBroken(chain.brokenAt ?? 0, chain.reason ?? '')[lang]]);
  if (chain.headHash) footer.push([L.chainHead[lang], chain.headHash]);
  footer.push([L.exportedAt[lang], formatDateTime(ctx.exportedAt.toISOString(), lang)]);
  blocks.push({ kind: 'fields', rows: footer });
  blocks.push({ kind: 'text', text: draft ? L.howToVerifyDraft[lang] : L.howToVerifyFinal[lang], muted: true });
  return blocks;
}
