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

/** ISO/IEC 42001:2023 Annex A (Table A.1): the 38 reference controls, with their titles. */
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

/** Regulation (EU) 2024/1689: the articles that oblige providers of high-risk AI systems, with their titles in the Official Journal. */
const EU_AI_ACT: Framework = {
  prefix: 'EU-AI-Act',
  name: 'EU AI Act, requirements for high-risk AI systems and their providers',
  controls: entries('EU-AI-Act', [
    ['Art.9', 'Risk management system'],
    ['Art.10', 'Data and data governance'],
    ['Art.11', 'Technical documentation'],
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
    ['Art.72', 'Post-market monitoring by providers and post-market monitoring plan for high-risk AI systems'],
    ['Art.73', 'Reporting of serious incidents'],
  ]),
};

/**
 * NIST AI 100-1, Artificial Intelligence Risk Management Framework (AI RMF 1.0), January 2023:
 * the 72 subcategories of Tables 1 to 4 (GOVERN 19, MAP 18, MEASURE 22, MANAGE 13), each
 * titled by a shortened form of its outcome statement.
 */
const NIST_AI_RMF: Framework = {
  prefix: 'NIST-AI-RMF',
  name: 'NIST AI Risk Management Framework 1.0 (NIST AI 100-1)',
  controls: entries('NIST-AI-RMF', [
    ['GOVERN 1.1', 'Legal and regulatory requirements involving AI are understood, managed and documented'],
    ['GOVERN 1.2', 'The characteristics of trustworthy AI are integrated into organizational policies, processes, procedures and practices'],
    ['GOVERN 1.3', "The needed level of risk management activities is determined from the organization's risk tolerance"],
    ['GOVERN 1.4', 'The risk management process and its outcomes are established through transparent policies, procedures and other controls'],
    ['GOVERN 1.5', 'Ongoing monitoring and periodic review of the risk management process are planned, with roles and responsibilities defined'],
    ['GOVERN 1.6', 'Mechanisms are in place to inventory AI systems'],
    ['GOVERN 1.7', 'Processes are in place to decommission and phase out AI systems safely'],
    ['GOVERN 2.1', 'Roles, responsibilities and lines of communication for AI risks are documented and clear'],
    ['GOVERN 2.2', 'Personnel and partners receive AI risk management training'],
    ['GOVERN 2.3', 'Executive leadership takes responsibility for decisions about AI risks'],
    ['GOVERN 3.1', 'Decision-making about AI risks is informed by a diverse team'],
    ['GOVERN 3.2', 'Roles and responsibilities for human-AI configurations and oversight are defined'],
    ['GOVERN 4.1', 'Policies and practices foster a critical-thinking and safety-first mindset'],
    ['GOVERN 4.2', 'Teams document the risks and potential impacts of the AI technology and communicate about them'],
    ['GOVERN 4.3', 'Practices enable AI testing, identification of incidents and information sharing'],
    ['GOVERN 5.1', 'Feedback from those external to the team about individual and societal impacts is collected and integrated'],
    ['GOVERN 5.2', 'Adjudicated feedback from relevant AI actors is regularly incorporated into system design and implementation'],
    ['GOVERN 6.1', 'Policies address AI risks of third-party entities, including infringement of intellectual property or other rights'],
    ['GOVERN 6.2', 'Contingency processes handle failures or incidents in high-risk third-party data or AI systems'],
    ['MAP 1.1', 'Intended purposes, beneficial uses, context-specific laws and norms, and deployment settings are understood and documented'],
    ['MAP 1.2', 'Interdisciplinary AI actors and competencies for establishing context are diverse and their participation is documented'],
    ['MAP 1.3', "The organization's mission and relevant goals for AI technology are understood and documented"],
    ['MAP 1.4', 'The business value or context of business use is defined or re-evaluated'],
    ['MAP 1.5', 'Organizational risk tolerances are determined and documented'],
    ['MAP 1.6', 'System requirements are elicited from and understood by relevant AI actors'],
    ['MAP 2.1', 'The specific tasks and methods the AI system implements are defined'],
    ['MAP 2.2', 'Knowledge limits and how output may be used and overseen by humans are documented'],
    ['MAP 2.3', 'Scientific integrity and TEVV considerations, including data collection and selection, are identified and documented'],
    ['MAP 3.1', 'Potential benefits of intended functionality and performance are examined and documented'],
    ['MAP 3.2', 'Potential costs, including non-monetary costs of AI errors, are examined and documented'],
    ['MAP 3.3', 'Targeted application scope is specified and documented'],
    ['MAP 3.4', 'Processes for operator and practitioner proficiency are defined, assessed and documented'],
    ['MAP 3.5', 'Processes for human oversight are defined, assessed and documented'],
    ['MAP 4.1', 'Approaches for mapping technology and legal risks of components, including third-party data or software, are documented'],
    ['MAP 4.2', 'Internal risk controls for components, including third-party AI technologies, are identified and documented'],
    ['MAP 5.1', 'Likelihood and magnitude of each identified impact are identified and documented'],
    ['MAP 5.2', 'Practices for engaging relevant AI actors and integrating feedback about impacts are in place and documented'],
    ['MEASURE 1.1', 'Approaches and metrics for the most significant AI risks are selected; what cannot be measured is documented'],
    ['MEASURE 1.2', 'Appropriateness of AI metrics and effectiveness of existing controls are regularly assessed and updated'],
    ['MEASURE 1.3', 'Internal experts who are not front-line developers, or independent assessors, take part in regular assessments'],
    ['MEASURE 2.1', 'Test sets, metrics and details about the tools used during TEVV are documented'],
    ['MEASURE 2.2', 'Evaluations involving human subjects meet applicable requirements and are representative of the relevant population'],
    ['MEASURE 2.3', 'Performance or assurance criteria are measured and demonstrated for conditions similar to deployment'],
    ['MEASURE 2.4', 'Functionality and behavior of the AI system and its components are monitored in production'],
    ['MEASURE 2.5', 'The AI system is demonstrated to be valid and reliable; limits of generalizability are documented'],
    ['MEASURE 2.6', 'The AI system is evaluated regularly for safety risks'],
    ['MEASURE 2.7', 'AI system security and resilience are evaluated and documented'],
    ['MEASURE 2.8', 'Risks associated with transparency and accountability are examined and documented'],
    ['MEASURE 2.9', 'The AI model is explained, validated and documented, and its output is interpreted within its context'],
    ['MEASURE 2.10', 'Privacy risk of the AI system is examined and documented'],
    ['MEASURE 2.11', 'Fairness and bias are evaluated and results are documented'],
    ['MEASURE 2.12', 'Environmental impact and sustainability of model training and management are assessed and documented'],
    ['MEASURE 2.13', 'Effectiveness of the employed TEVV metrics and processes is evaluated and documented'],
    ['MEASURE 3.1', 'Existing, unanticipated and emergent AI risks are regularly identified and tracked'],
    ['MEASURE 3.2', 'Risk tracking approaches are considered where risks are hard to assess or metrics are not yet available'],
    ['MEASURE 3.3', 'Feedback processes for end users and impacted communities to report problems and appeal outcomes are established'],
    ['MEASURE 4.1', 'Measurement approaches are connected to deployment contexts and informed by domain experts and end users'],
    ['MEASURE 4.2', 'Measurement results on trustworthiness in deployment are informed by domain experts and relevant AI actors'],
    ['MEASURE 4.3', 'Measurable performance improvements or declines are identified and documented'],
    ['MANAGE 1.1', 'A determination is made whether the AI system achieves its intended purposes and whether it should proceed'],
    ['MANAGE 1.2', 'Treatment of documented AI risks is prioritized by impact, likelihood and available resources or methods'],
    ['MANAGE 1.3', 'Responses to high-priority AI risks are developed, planned and documented'],
    ['MANAGE 1.4', 'Negative residual risks to downstream acquirers and end users are documented'],
    ['MANAGE 2.1', 'Resources required to manage AI risks are taken into account, with viable non-AI alternatives'],
    ['MANAGE 2.2', 'Mechanisms are in place and applied to sustain the value of deployed AI systems'],
    ['MANAGE 2.3', 'Procedures are followed to respond to and recover from a previously unknown risk'],
    ['MANAGE 2.4', 'Mechanisms are in place to supersede, disengage or deactivate AI systems whose outcomes are inconsistent with intended use'],
    ['MANAGE 3.1', 'AI risks and benefits from third-party resources are regularly monitored, and risk controls are applied and documented'],
    ['MANAGE 3.2', 'Pre-trained models used for development are monitored as part of regular monitoring and maintenance'],
    ['MANAGE 4.1', 'Post-deployment monitoring plans are implemented, including incident response, recovery and change management'],
    ['MANAGE 4.2', 'Measurable activities for continual improvement are integrated into AI system updates'],
    ['MANAGE 4.3', 'Incidents and errors are communicated to relevant AI actors; tracking, response and recovery are followed and documented'],
  ]),
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
