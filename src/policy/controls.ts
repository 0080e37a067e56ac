/**
 * The control catalogues modelgate knows, so that a Decision can say which controls of a
 * framework no rule covers. A control id is `<framework>:<control>`; a rule may name a finer
 * control than the catalogue lists (e.g. `EU-AI-Act:Art.10(2)` under `EU-AI-Act:Art.10`).
 */
export interface ControlEntry {
  id: string;
  title: string;
}

export interface Framework {
  /** The prefix before `:` in a control id. */
  prefix: string;
  name: string;
  controls: readonly ControlEntry[];
}

const entries = (prefix: string, list: readonly [string, string][]): ControlEntry[] =>
  list.map(([control, title]) => ({ id: `${prefix}:${control}`, title }));

/** ISO/IEC 42001:2023 Annex A: the 38 reference controls. */
const ISO42001: Framework = {
  prefix: 'ISO42001',
  name: 'ISO/IEC 42001:2023 Annex A',
  controls: entries('ISO42001', [
    ['A.2.2', 'AI policy'],
    ['A.2.3', 'Alignment with other organizational policies'],
    ['A.2.4', 'Review of the AI policy'],
    ['A.3.2', 'AI roles and responsibilities'],
    ['A.3.3', 'Reporting of concerns'],
    ['A.4.2', 'Resource documentation'],
    ['A.4.3', 'Data resources'],
    ['A.4.4', 'Tooling resources'],
    ['A.4.5', 'System and computing resources'],
    ['A.4.6', 'Human resources'],
    ['A.5.2', 'AI system impact assessment process'],
    ['A.5.3', 'Documentation of AI system impact assessments'],
    ['A.5.4', 'Assessing AI system impact on individuals or groups of individuals'],
    ['A.5.5', 'Assessing societal impacts of AI systems'],
    ['A.6.1.2', 'Objectives for responsible development of AI system'],
    ['A.6.1.3', 'Processes for responsible AI system design and development'],
    ['A.6.2.2', 'AI system requirements and specification'],
    ['A.6.2.3', 'Documentation of AI system design and development'],
    ['A.6.2.4', 'AI system verification and validation'],
    ['A.6.2.5', 'AI system deployment'],
    ['A.6.2.6', 'AI system operation and monitoring'],
    ['A.6.2.7', 'AI system technical documentation'],
    ['A.6.2.8', 'AI system recording of event logs'],
    ['A.7.2', 'Data for development and enhancement of AI system'],
    ['A.7.3', 'Acquisition of data'],
    ['A.7.4', 'Quality of data for AI systems'],
    ['A.7.5', 'Data provenance'],
    ['A.7.6', 'Data preparation'],
    ['A.8.2', 'System documentation and information for users'],
    ['A.8.3', 'External reporting'],
    ['A.8.4', 'Communication of incidents'],
    ['A.8.5', 'Information for interested parties'],
    ['A.9.2', 'Processes for responsible use of AI systems'],
    ['A.9.3', 'Objectives for responsible use of AI system'],
    ['A.9.4', 'Intended use of the AI system'],
    ['A.10.2', 'Allocating responsibilities'],
    ['A.10.3', 'Suppliers'],
    ['A.10.4', 'Customers'],
  ]),
};

/** Regulation (EU) 2024/1689: the articles that oblige providers of high-risk AI systems. */
const EU_AI_ACT: Framework = {
  prefix: 'EU-AI-Act',
  name: 'EU AI Act, requirements for high-risk AI systems and their providers',
  controls: entries('EU-AI-Act', [
    ['Art.9', 'Risk management system'],
    ['Art.10', 'Data and data governance'],
    ['Art.11', 'Technical documentation (with Annex IV)'],
    ['Art.12', 'Record-keeping'],
    ['Art.13', 'Transparency and provision of information to deployers'],
    ['Art.14', 'Human oversight'],
    ['Art.15', 'Accuracy, robustness and cybersecurity'],
    ['Art.16', 'Obligations of providers of high-risk AI systems'],
    ['Art.17', 'Quality management system'],
    ['Art.18', 'Documentation keeping'],
    ['Art.19', 'Automatically generated logs'],
    ['Art.43', 'Conformity assessment'],
    ['Art.47', 'EU declaration of conformity'],
    ['Art.49', 'Registration'],
    ['Art.72', 'Post-market monitoring'],
    ['Art.73', 'Reporting of serious incidents'],
  ]),
};

const NIST_CATEGORIES: readonly [string, string, number][] = [
  ['GOVERN 1', 'Policies, processes, procedures and practices for mapping, measuring and managing AI risks', 7],
  ['GOVERN 2', 'Accountability structures', 3],
  ['GOVERN 3', 'Workforce diversity, equity, inclusion and accessibility', 2],
  ['GOVERN 4', 'Culture that considers and communicates AI risk', 3],
  ['GOVERN 5', 'Engagement with relevant AI actors', 2],
  ['GOVERN 6', 'Third-party software, data and supply chain risks', 2],
  ['MAP 1', 'Context is established and understood', 6],
  ['MAP 2', 'Categorization of the AI system', 3],
  ['MAP 3', 'Capabilities, targeted usage, goals, benefits and costs', 5],
  ['MAP 4', 'Risks and benefits of all components, including third-party data and software', 2],
  ['MAP 5', 'Impacts to individuals, groups, communities, organizations and society', 2],
  ['MEASURE 1', 'Appropriate methods and metrics are identified and applied', 3],
  ['MEASURE 2', 'AI systems are evaluated for trustworthy characteristics', 13],
  ['MEASURE 3', 'Mechanisms for tracking identified AI risks over time', 3],
  ['MEASURE 4', 'Feedback about efficacy of measurement', 3],
  ['MANAGE 1', 'AI risks are prioritized, responded to and managed', 4],
  ['MANAGE 2', 'Strategies to maximize benefits and minimize negative impacts', 4],
  ['MANAGE 3', 'Third-party AI risks and benefits are managed', 2],
  ['MANAGE 4', 'Risk treatments, response, recovery and communication are documented and monitored', 3],
];

/** NIST AI RMF 1.0: its 72 subcategories, titled by their category. */
const NIST_AI_RMF: Framework = {
  prefix: 'NIST-AI-RMF',
  name: 'NIST AI Risk Management Framework 1.0',
  controls: NIST_CATEGORIES.flatMap(([category, title, count]) =>
    Array.from({ length: count }, (_, index) => ({ id: `NIST-AI-RMF:${category}.${index + 1}`, title })),
  ),
};

export const FRAMEWORKS: readonly Framework[] = [ISO42001, EU_AI_ACT, NIST_AI_RMF];

export function frameworkOf(control: string): Framework | undefined {
  const prefix = control.slice(0, control.indexOf(':'));
  return FRAMEWORKS.find((framework) => framework.prefix === prefix);
}

/** The catalogue entry a control belongs to: the same id, or the entry it refines (`Art.10(2)` → `Art.10`). */
export function catalogueEntryOf(control: string): ControlEntry | undefined {
  return frameworkOf(control)?.controls.find((entry) => control === entry.id || control.startsWith(`${entry.id}(`));
}

/** The title of a control, from its catalogue entry when there is one. */
export function controlTitle(control: string): string {
  return catalogueEntryOf(control)?.title ?? '';
}
