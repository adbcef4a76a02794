// The official layout of tables 二, 三 and 四 (国办公开办函〔2021〕30号 and 〔2019〕60号), for drawing.
// Row keys are those of the JSON contract (src/template.rs is the source of truth; tests/web/layout.test.mjs
// fails when this copy and the engine disagree). Labels: [中文, English].

/** Table 三: the seven applicant columns, and the header rows above them. */
export const REQUEST_COLUMNS = [
  ['自然人', 'Natural persons'],
  ['商业企业', 'Commercial enterprises'],
  ['科研机构', 'Research institutions'],
  ['社会公益组织', 'Public-interest organisations'],
  ['法律服务机构', 'Legal service organisations'],
  ['其他', 'Other'],
  ['总计', 'Total'],
];

/** Groups of table 三 whose rows sit under a shared, row-spanning label. */
export const REQUEST_GROUPS = {
  denied: ['（三）不予公开', '(3) Not disclosed'],
  unable: ['（四）无法提供', '(4) Cannot be provided'],
  rejected: ['（五）不予处理', '(5) Not processed'],
  other: ['（六）其他处理', '(6) Other handling'],
};

/**
 * Rows of table 三 in template order. `part`: 'intake' (一、二), 'result' (under 三、本年度办理结果),
 * 'forward' (四). `group`: a key of REQUEST_GROUPS when the row sits under a group label. `formats`: where it exists.
 */
export const REQUEST_ROWS = [
  { key: 'new', part: 'intake', label: ['一、本年新收政府信息公开申请数量', '1. New requests this year'] },
  { key: 'carried_over', part: 'intake', label: ['二、上年结转政府信息公开申请数量', '2. Carried over from last year'] },
  { key: 'granted', part: 'result', label: ['（一）予以公开', '(1) Disclosed'] },
  { key: 'partial', part: 'result', label: ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '(2) Partly disclosed'] },
  { key: 'denied_state_secret', part: 'result', group: 'denied', label: ['1.属于国家秘密', '1. State secret'] },
  { key: 'denied_prohibited_by_law', part: 'result', group: 'denied', label: ['2.其他法律行政法规禁止公开', '2. Prohibited by other laws'] },
  { key: 'denied_three_security_one_stability', part: 'result', group: 'denied', label: ['3.危及“三安全一稳定”', '3. Endangers the “three securities and one stability”'] },
  { key: 'denied_third_party_rights', part: 'result', group: 'denied', label: ['4.保护第三方合法权益', '4. Third-party rights'] },
  { key: 'denied_internal_affairs', part: 'result', group: 'denied', label: ['5.属于三类内部事务信息', '5. Internal affairs'] },
  { key: 'denied_process_information', part: 'result', group: 'denied', label: ['6.属于四类过程性信息', '6. Process information'] },
  { key: 'denied_enforcement_file', part: 'result', group: 'denied', label: ['7.属于行政执法案卷', '7. Enforcement files'] },
  { key: 'denied_administrative_query', part: 'result', group: 'denied', label: ['8.属于行政查询事项', '8. Administrative queries'] },
  { key: 'unable_not_held', part: 'result', group: 'unable', label: ['1.本机关不掌握相关政府信息', '1. Not held by this body'] },
  { key: 'unable_need_creation', part: 'result', group: 'unable', label: ['2.没有现成信息需要另行制作', '2. Would have to be created'] },
  { key: 'unable_unclear_after_correction', part: 'result', group: 'unable', label: ['3.补正后申请内容仍不明确', '3. Still unclear after correction'] },
  { key: 'rejected_petition_complaint', part: 'result', group: 'rejected', label: ['1.信访举报投诉类申请', '1. Petitions and complaints'] },
  { key: 'rejected_duplicate', part: 'result', group: 'rejected', label: ['2.重复申请', '2. Duplicate requests'] },
  { key: 'rejected_publication', part: 'result', group: 'rejected', label: ['3.要求提供公开出版物', '3. Published material'] },
  { key: 'rejected_massive_repeated', part: 'result', group: 'rejected', label: ['4.无正当理由大量反复申请', '4. Massive repeated requests'] },
  { key: 'rejected_confirm_or_reissue', part: 'result', group: 'rejected', label: ['5.要求行政机关确认或重新出具已获取信息', '5. Confirm or reissue information already obtained'] },
  { key: 'other_no_correction', part: 'result', group: 'other', formats: ['2021'], label: ['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '1. No correction in time'] },
  { key: 'other_unpaid_fee', part: 'result', group: 'other', formats: ['2021'], label: ['2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '2. Fee not paid in time'] },
  { key: 'other_other', part: 'result', group: 'other', formats: ['2021'], label: ['3.其他', '3. Other'] },
  { key: 'other', part: 'result', formats: ['2019'], label: ['（六）其他处理', '(6) Other handling'] },
  { key: 'total', part: 'result', label: ['（七）总计', '(7) Total'] },
  { key: 'carried_forward', part: 'forward', label: ['四、结转下年度继续办理', '4. Carried forward to next year'] },
];

export const RESULT_PART_LABEL = ['三、本年度办理结果', '3. Outcomes this year'];

/** The rows of table 三 for a format ('2021' also stands for formats without their own template). */
export function requestRows(format) {
  const f = format === '2019' ? '2019' : '2021';
  return REQUEST_ROWS.filter((r) => !r.formats || r.formats.includes(f));
}

/** Table 四: fifteen numbers under two header rows. */
export const REVIEW_OUTCOMES = [
  ['结果维持', 'Upheld'],
  ['结果纠正', 'Corrected'],
  ['其他结果', 'Other outcome'],
  ['尚未审结', 'Pending'],
  ['总计', 'Total'],
];
export const REVIEW_BLOCKS = [
  ['行政复议', 'Administrative review'],
  ['未经复议直接起诉', 'Suit without prior review'],
  ['复议后起诉', 'Suit after review'],
];
export const LITIGATION_LABEL = ['行政诉讼', 'Administrative litigation'];

const C2021_DOCS = [['本年制发件数', 'Issued this year'], ['本年废止件数', 'Repealed this year'], ['现行有效件数', 'In force']];
const C2021_ONE = [['本年处理决定数量', 'Decisions this year']];
const C2019_DOCS = [['本年新制作数量', 'Newly made'], ['本年新公开数量', 'Newly published'], ['对外公开总数量', 'Published in total']];
const C2019_ITEMS = [['上一年项目数量', 'Items last year'], ['本年增/减', 'Change this year'], ['处理决定数量', 'Decisions']];

/** Table 二: blocks (第二十条第…项), each with its columns and rows, per format. */
export const ACTIVE_BLOCKS = {
  2021: [
    { block: ['第二十条第（一）项', 'Article 20 (1)'], columns: C2021_DOCS, rows: [['regulations', '规章', 'Rules'], ['normative_documents', '行政规范性文件', 'Normative documents']] },
    { block: ['第二十条第（五）项', 'Article 20 (5)'], columns: C2021_ONE, rows: [['licensing', '行政许可', 'Licensing']] },
    { block: ['第二十条第（六）项', 'Article 20 (6)'], columns: C2021_ONE, rows: [['penalty', '行政处罚', 'Penalties'], ['coercion', '行政强制', 'Coercive measures']] },
    { block: ['第二十条第（八）项', 'Article 20 (8)'], columns: [['本年收费金额（单位：万元）', 'Fees collected (10,000 yuan)']], rows: [['fees', '行政事业性收费', 'Administrative fees']] },
  ],
  2019: [
    { block: ['第二十条第（一）项', 'Article 20 (1)'], columns: C2019_DOCS, rows: [['regulations', '规章', 'Rules'], ['normative_documents', '规范性文件', 'Normative documents']] },
    { block: ['第二十条第（五）项', 'Article 20 (5)'], columns: C2019_ITEMS, rows: [['licensing', '行政许可', 'Licensing'], ['other_services', '其他对外管理服务事项', 'Other public services']] },
    { block: ['第二十条第（六）项', 'Article 20 (6)'], columns: C2019_ITEMS, rows: [['penalty', '行政处罚', 'Penalties'], ['coercion', '行政强制', 'Coercive measures']] },
    { block: ['第二十条第（八）项', 'Article 20 (8)'], columns: C2019_ITEMS.slice(0, 2), rows: [['fees', '行政事业性收费', 'Administrative fees']] },
    { block: ['第二十条第（九）项', 'Article 20 (9)'], columns: [['采购项目数量', 'Procurement items'], ['采购总金额', 'Procurement total']], rows: [['procurement', '政府集中采购', 'Central procurement']] },
  ],
};

export function activeBlocks(format) {
  return ACTIVE_BLOCKS[format === '2019' ? 2019 : 2021];
}
