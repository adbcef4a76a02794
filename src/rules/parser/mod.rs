//! P-*: what the parser could not read. The parser records these findings while it reads;
//! each rule here documents one code and passes its findings on (so that they can be
//! selected, ignored and re-graded like any other rule).

use super::{Rule, RuleCtx};
use crate::diagnostic::Diagnostic;

pub static RULES: &[&dyn Rule] = &[
    &TableNotFound,
    &RowNotFound,
    &AmbiguousDigitSplit,
    &UnreadableCell,
    &TablesWithoutNumbers,
    &ScrambledTable,
    &UnknownRowLabel,
    &RowValuesMissing,
    &NotAReport,
    &TextCutShort,
    &RowLabelVariant,
    &GluedDigitsInconsistent,
    &RowOutOfOrder,
    &RowRepeated,
    &SecondReport,
];

fn pass_on(code: &str, ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
    out.extend(
        ctx.report
            .findings
            .iter()
            .filter(|d| d.code == code)
            .cloned(),
    );
}

macro_rules! parser_rule {
    ($ty:ident, $code:literal, $name:literal, $sev:ident, $sz:literal, $se:literal, $wz:literal, $we:literal, $yz:literal, $ye:literal, $fails:literal, $passes:literal) => {
        crate::declare_rule! {
            pub struct $ty;
            code: $code, name: $name, family: Parser, severity: $sev,
            formats: [F2021, F2019, Pre2019, Unknown],
            summary: ($sz, $se),
            what: ($wz, $we),
            why: ($yz, $ye),
            basis: "解析器发现 / parser finding (SPEC §8: input realities)",
            fails: $fails,
            passes: $passes,
        }
        impl $ty {
            fn run(&self, ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
                pass_on($code, ctx, out)
            }
        }
    };
}

parser_rule!(
    TableNotFound, "P-1", "table-not-found", Error,
    "找不到标准表格", "a standard table was not found",
    "2019年及以后格式的报告应有表二、表三、表四；找不到其中之一时报告此项。该部分标题存在而表格缺失时（多为以图片发布），降为警告并提示人工查看。",
    "Reports in the 2019 and 2021 formats have tables 2, 3 and 4; this reports one that is not there. When the section heading is there but no table follows (often an image), it is a warning that asks for review.",
    "缺少表格时，所有勾稽关系都无法检查；“全部为零”与“没有表格”必须区分。",
    "Without the table no identity can be checked; “all zero” and “no table” must not be confused.",
    "三、收到和处理政府信息公开申请情况\n（表格为图片）\n四、政府信息公开行政复议、行政诉讼情况",
    "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |"
);
parser_rule!(
    RowNotFound,
    "P-2",
    "row-not-found",
    Warning,
    "表三缺少模板中的行",
    "table 3 lacks rows of the template",
    "表三的每一行都应按模板出现；列出找不到的行。",
    "Every row of table 3 should appear as in the template; lists the rows not found.",
    "缺行会使合计无法核对，也可能是使用了旧格式。",
    "A missing row makes the totals uncheckable, or betrays an outdated template.",
    "（六）其他处理 | 1.申请人无正当理由逾期不补正… | 0 |…（缺“3.其他”）",
    "（六）其他处理 1. … 2. … 3.其他 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |"
);
parser_rule!(
    AmbiguousDigitSplit, "P-3", "ambiguous-digit-split", Warning,
    "数字连在一起，有多种拆分", "digits run together split more than one way",
    "网页抓取的文字常丢失单元格边界（如“640020470”）。解析器只用本行自身的合计拆分数字；有多种拆分时保留全部候选，不擅自选择。",
    "Crawled text often loses cell boundaries (“640020470”). The parser splits digits using only the row's own total; when several splits fit, it keeps them all and picks none.",
    "用被检查的等式去“修复”数据会掩盖真正的错误，因此只能请人核对。",
    "Repairing data with the very identity under test would hide real errors, so a person must look.",
    "（一）予以公开270020130", "（一）予以公开 | 27 | 0 | 0 | 2 | 0 | 1 | 30 |"
);
parser_rule!(
    UnreadableCell,
    "P-4",
    "unreadable-cell",
    Error,
    "单元格不是数字",
    "a cell is not a number",
    "数值单元格中出现无法读作数字的文字。",
    "A numeric cell holds text that cannot be read as a number.",
    "无法读取的单元格使所在行列的核对无法进行。",
    "An unreadable cell stops the checks of its row and column.",
    "行政许可 | 约200 |",
    "行政许可 | 200 |"
);
parser_rule!(
    TablesWithoutNumbers, "P-5", "tables-without-numbers", Warning,
    "表格只有表头和行名，没有数字", "a table has labels but no numbers",
    "表格的表头和行名都在，但没有数字：常见于表格以图片或附件发布，或复制时丢失了数字。",
    "The table's headings and labels are there but no numbers: typical of tables published as images or attachments, or lost in copying.",
    "没有数字就无法检查，不能当作“全部为零”。", "Without numbers nothing can be checked; it must not be taken as all zeros.",
    "规章\n规范性文件\n行政许可", "规章 | 0 | 0 | 6 |"
);
parser_rule!(
    ScrambledTable, "P-6", "scrambled-table", Notice,
    "表格文字顺序错乱", "a table's text is out of order",
    "PDF转出的文字中，合并单元格的行名常出现在数字之后。解析器按模板顺序归位无行名的数字组（数量完全吻合时），否则不作检查。",
    "In text from PDFs the labels of merged cells often come after the numbers. The parser places unlabelled groups by template order when the counts agree exactly; otherwise it does not check them.",
    "按位置归入的数值需要人工确认。", "Values placed by position deserve a look.",
    "二、上年结转…34 0 0 0 0 0 34 1288 21 0 0 50 3 1362 …（一）予以公开", "（一）予以公开 | 1288 | 21 | 0 | 0 | 50 | 3 | 1362 |"
);
parser_rule!(
    UnknownRowLabel, "P-7", "unknown-row-label", Notice,
    "表三有模板之外的行", "table 3 has a row the template lacks",
    "报告在表三中自行增加的行（如海关在“其他处理”下增加的“申请人撤销申请”）单独读取，并计入所属类别。",
    "Rows a report adds to table 3 (such as customs' “申请人撤销申请” under 其他处理) are read separately and counted in their group.",
    "模板之外的行需要说明来由；它们也参与合计核对。", "Rows outside the template need explaining; they take part in the totals.",
    "（六）其他处理 | 4.申请人撤销申请 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |", "（六）其他处理 | 3.其他 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |"
);
parser_rule!(
    RowValuesMissing, "P-8", "row-values-missing", Warning,
    "一行的数值不全", "a row has too few values",
    "一行应有的数值没有找全，或连在一起的数字找不到符合本行合计的拆分。",
    "A row has fewer values than it should, or digits run together admit no split that fits the row's own total.",
    "缺失的数值使该行和所在列无法核对。", "Missing values make the row and its columns uncheckable.",
    "一、本年新收政府信息公开申请数量 | 3 | 0 |", "一、本年新收政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |"
);
parser_rule!(
    NotAReport, "P-9", "not-an-annual-report", Warning,
    "文字不像政府信息公开工作年度报告", "the text does not look like an annual report",
    "既没有报告标题（“……政府信息公开工作年度报告”）和统计期限，也没有六个部分的标题或标准表格时，说明这段文字不像年度报告（如一条新闻），不作检查，也不会显示“通过”。",
    "When the text has neither a report title (“……政府信息公开工作年度报告”) with a statistics period, nor the six section headings, nor a standard table, says that it does not look like an annual report (a news item, say): nothing is checked and it is never shown as passing.",
    "对不是年报的文字说“未发现问题”会误导读者。", "Saying “no problems found” of a text that is not a report would mislead.",
    "新华社北京电 国务院总理今天主持召开国务院常务会议，听取关于经济形势的汇报。", "某县2023年政府信息公开工作年度报告\n一、总体情况……"
);
parser_rule!(
    TextCutShort, "P-10", "text-cut-short", Warning,
    "文字不完整：在报告结束之前中断", "the text stops before the report ends",
    "文字在句子或表格中间中断，或在第五部分之前就结束且没有落款、日期或网页页脚时（网页被截断、只复制了一部分），说明中断的位置；其后的行、表格和部分不在文中，不报告为缺失，而是列为“未能检查”。",
    "When the text breaks off in the middle of a sentence or a table, or ends before section 5 with no signature, date or page footer (a cut page, a partial copy), says where; the rows, tables and sections after that point are not in the text: they are listed as not checked rather than reported missing.",
    "把截断当作报告本身的缺项会产生大量误报；而对没有读到的部分说“通过”又会掩盖问题。",
    "Taking a cut for gaps in the report would raise false errors; calling the unread part “passing” would hide them.",
    "……6.属于四类过程性信息 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n7.属于行政执", "……六、其他需要报告的事项\n本年度未收取信息处理费。"
);
parser_rule!(
    RowLabelVariant, "P-11", "row-label-variant", Notice,
    "表三的行名与模板写法不同，已按最接近的模板行读取", "a row label of table 3 is written differently from the template",
    "行名有错别字或写法与模板不同（如“上年转结”“本年新受”“（七）合计”），而与模板中的某一行相近、与其他行都不相近时，按那一行读取，并提示原来的写法；与几行都相近时不作猜测，作为模板之外的行（P-7）。",
    "When a row label has a typo or is worded differently (“上年转结”, “本年新受”, “（七）合计”) and is close to one template row and to no other, it is read as that row and a notice names the label as written; when it is close to several, nothing is guessed and it is read as an extra row (P-7).",
    "行名写错时既不应丢掉这一行，也不应读进别的行；提示便于改正用语。",
    "A misspelt label must neither lose its row nor put it into another; the notice lets the writer fix the wording.",
    "二、上年转结政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |", "二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |"
);
parser_rule!(
    GluedDigitsInconsistent, "P-12", "glued-digits-inconsistent", Error,
    "连在一起的数字无论怎样拆分都不符合本行合计", "run-together digits that no split makes add up",
    "网页抓取的文字常把一行的数字连在一起（如“1100001”）。解析器只用本行自身的合计拆分（表三：六类申请人之和等于总计；表四：各组四项结果之和等于该组总计）。没有任何拆分能满足时，无论各格的界线在哪里，这一行的数字都不一致：报告为错误，列出原始数字，各格不读出数值，也不参与其他核对。",
    "Crawled text often runs a row's digits together (“1100001”). The parser splits them with the row's own total only (table 3: the six applicant columns add up to the total; table 4: each group's four results add up to its total). When no split satisfies it, the row's numbers are inconsistent wherever the cell boundaries lie: an error, with the digits shown; the cells get no values and take part in no other check.",
    "这样的行一定有错：要么数字填错，要么合计错；把它当作“无法读取”的警告会让错误溜走。",
    "Such a row is certainly wrong (a figure or its total); taking it for a mere reading problem would let the error pass.",
    "5.属于三类内部事务信息1100001", "5.属于三类内部事务信息1000001"
);
parser_rule!(
    RowOutOfOrder, "P-13", "row-out-of-order", Notice,
    "表三的一行不在模板的位置上", "a row of table 3 is out of its template place",
    "表三的行按行名识别，而不是按位置：一行出现在模板位置之外（如“二、上年结转”写在“一、本年新收”之前），仍按其行名读作那一行，参与所有核对，并提示其位置不对。",
    "Rows of table 3 are known by their labels, not their order: a row found out of its template place (“二、上年结转” before “一、本年新收”) is still read as that row, takes part in every check, and a notice says it is out of place.",
    "按位置读会让这一行从合计中消失，使错误漏检。", "Reading by position would drop the row from the identities and let errors pass.",
    "二、上年结转… | 0 |…\n一、本年新收… | 11 |…", "一、本年新收… | 11 |…\n二、上年结转… | 0 |…"
);
parser_rule!(
    RowRepeated, "P-14", "row-repeated", Warning,
    "表三的一行出现了两次", "a row of table 3 appears twice",
    "同一模板行出现两次时，只计一次（按模板位置上的那一行）：数值相同只作提示；数值不同时警告并列出两组数字，请人核对。",
    "When a template row appears twice, it is counted once (the one in the template's place): with the same numbers it is a notice; with different numbers a warning lists both for a person to check.",
    "重复的行若都计入，办理结果之和会被算两次，产生并不存在的错误。", "Counting both copies would sum the row twice and report an error that is not there.",
    "（一）予以公开 | 3 |…\n（一）予以公开 | 3 |…", "（一）予以公开 | 3 |…"
);
parser_rule!(
    SecondReport, "P-15", "second-report", Warning,
    "文中有不止一份报告", "the text holds more than one report",
    "一个文件或网页里有两份报告（网页和它的打印版、爬虫拼接的页面、两个年度放在一个文件里）时，从第二份的标题或“一、总体情况”起分开，每份单独检查：第二份的问题都标有“第2份报告”（JSON 中 report 为 2，reports 列出每份的结果）；与第一份完全相同的只检查一次。在网页元素上检查（checkElement）时不分开，只说明还有一份未作检查。",
    "When one file or page holds two reports (a page and its print copy, a crawler's concatenation, two years in one file), it is split at the second one's title or “一、总体情况” and each is checked on its own: the second's findings say “report 2” (in the JSON, report: 2, and reports lists each one's result); a copy identical to the first is checked once. Checking a live element (checkElement) does not split it, and says that another report is there and was not checked.",
    "只检查第一份会让第二份里的错误悄悄通过。", "Checking only the first copy would let an error in the second pass silently.",
    "示例区2023年政府信息公开工作年度报告……六、其他需要报告的事项……示例区2023年政府信息公开工作年度报告（打印版）……", "示例区2023年政府信息公开工作年度报告……六、其他需要报告的事项……"
);
