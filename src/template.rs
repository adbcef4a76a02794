//! The official templates as data: one source of truth for labels, row keys and columns.
//!
//! 2021: 国办公开办函〔2021〕30号. 2019: 国办公开办函〔2019〕60号 (试行). See `../shared/SPEC.md` §2–§3.
//! The parser, the rules, the docs and the UI read the labels from here.

use serde::Serialize;

/// Which table template a report follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Format {
    #[serde(rename = "2021")]
    F2021,
    #[serde(rename = "2019")]
    F2019,
    #[serde(rename = "pre2019")]
    Pre2019,
    #[serde(rename = "unknown")]
    Unknown,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::F2021 => "2021",
            Format::F2019 => "2019",
            Format::Pre2019 => "pre2019",
            Format::Unknown => "unknown",
        }
    }
    /// Whether the format has the three standard tables.
    pub fn is_modern(self) -> bool {
        matches!(self, Format::F2021 | Format::F2019)
    }
}

/// The seven applicant columns of table 三, in official order.
pub const REQUEST_COLUMNS: [&str; 7] = [
    "自然人",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "其他",
    "总计",
];
pub const REQUEST_COLUMNS_EN: [&str; 7] = [
    "natural persons",
    "commercial enterprises",
    "research institutions",
    "public-interest organisations",
    "legal service organisations",
    "other",
    "total",
];

/// The fifteen columns of table 四, in official order.
pub const REVIEW_COLUMNS: [&str; 15] = [
    "行政复议·结果维持",
    "行政复议·结果纠正",
    "行政复议·其他结果",
    "行政复议·尚未审结",
    "行政复议·总计",
    "未经复议直接起诉·结果维持",
    "未经复议直接起诉·结果纠正",
    "未经复议直接起诉·其他结果",
    "未经复议直接起诉·尚未审结",
    "未经复议直接起诉·总计",
    "复议后起诉·结果维持",
    "复议后起诉·结果纠正",
    "复议后起诉·其他结果",
    "复议后起诉·尚未审结",
    "复议后起诉·总计",
];

/// Header words of table 四 (used to find where its numbers start).
pub const REVIEW_HEADER_WORDS: [&str; 9] = [
    "行政复议",
    "行政诉讼",
    "结果维持",
    "结果纠正",
    "其他结果",
    "尚未审结",
    "总计",
    "未经复议直接起诉",
    "复议后起诉",
];

/// Which outcome group a row of table 三 belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestGroup {
    /// 一、本年新收 / 二、上年结转
    Intake,
    /// （一）予以公开 / （二）部分公开
    Outcome,
    /// （三）不予公开
    Denied,
    /// （四）无法提供
    Unable,
    /// （五）不予处理
    Rejected,
    /// （六）其他处理
    Other,
    /// （七）总计
    Total,
    /// 四、结转下年度继续办理
    CarriedForward,
}

impl RequestGroup {
    pub fn label(self) -> &'static str {
        match self {
            RequestGroup::Intake => "收到申请",
            RequestGroup::Outcome => "办理结果",
            RequestGroup::Denied => "（三）不予公开",
            RequestGroup::Unable => "（四）无法提供",
            RequestGroup::Rejected => "（五）不予处理",
            RequestGroup::Other => "（六）其他处理",
            RequestGroup::Total => "（七）总计",
            RequestGroup::CarriedForward => "四、结转下年度继续办理",
        }
    }
}

/// Formats a row or column exists in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum In {
    Both,
    Only2021,
    Only2019,
}

impl In {
    pub fn has(self, f: Format) -> bool {
        match self {
            In::Both => true,
            In::Only2021 => f != Format::F2019,
            In::Only2019 => f == Format::F2019,
        }
    }
}

/// One data row of a template table.
#[derive(Clone, Copy, Debug)]
pub struct RowSpec {
    /// Stable key of the JSON contract.
    pub key: &'static str,
    /// Numbering as printed before the label (`一、`, `（一）`, `1.`).
    pub prefix: &'static str,
    /// The official label, without its numbering.
    pub label: &'static str,
    /// Distinctive pieces of the label, any of which identifies the row (compared after
    /// normalisation: no whitespace, half-width punctuation, unified quotes).
    pub anchors: &'static [&'static str],
    pub group: RequestGroup,
    pub formats: In,
}

impl RowSpec {
    pub fn full_label(&self) -> String {
        format!("{}{}", self.prefix, self.label)
    }
}

use RequestGroup::*;

const fn row(
    key: &'static str,
    prefix: &'static str,
    label: &'static str,
    anchors: &'static [&'static str],
    group: RequestGroup,
    formats: In,
) -> RowSpec {
    RowSpec {
        key,
        prefix,
        label,
        anchors,
        group,
        formats,
    }
}

/// Every data row of table 三 in either format, in template order.
pub const REQUEST_ROWS: &[RowSpec] = &[
    row(
        "new",
        "一、",
        "本年新收政府信息公开申请数量",
        &["本年新收", "新收政府信息公开申请", "本年新收到"],
        Intake,
        In::Both,
    ),
    row(
        "carried_over",
        "二、",
        "上年结转政府信息公开申请数量",
        &["上年结转"],
        Intake,
        In::Both,
    ),
    row(
        "granted",
        "（一）",
        "予以公开",
        &["予以公开"],
        Outcome,
        In::Both,
    ),
    row(
        "partial",
        "（二）",
        "部分公开（区分处理的，只计这一情形，不计其他情形）",
        &["部分公开"],
        Outcome,
        In::Both,
    ),
    row(
        "denied_state_secret",
        "1.",
        "属于国家秘密",
        &["国家秘密"],
        Denied,
        In::Both,
    ),
    row(
        "denied_prohibited_by_law",
        "2.",
        "其他法律行政法规禁止公开",
        &["行政法规禁止公开", "禁止公开"],
        Denied,
        In::Both,
    ),
    row(
        "denied_three_security_one_stability",
        "3.",
        "危及“三安全一稳定”",
        &["三安全一稳定", "危及"],
        Denied,
        In::Both,
    ),
    row(
        "denied_third_party_rights",
        "4.",
        "保护第三方合法权益",
        &["第三方合法权益", "第三方"],
        Denied,
        In::Both,
    ),
    row(
        "denied_internal_affairs",
        "5.",
        "属于三类内部事务信息",
        &["内部事务"],
        Denied,
        In::Both,
    ),
    row(
        "denied_process_information",
        "6.",
        "属于四类过程性信息",
        &["过程性信息"],
        Denied,
        In::Both,
    ),
    row(
        "denied_enforcement_file",
        "7.",
        "属于行政执法案卷",
        &["执法案卷"],
        Denied,
        In::Both,
    ),
    row(
        "denied_administrative_query",
        "8.",
        "属于行政查询事项",
        &["行政查询"],
        Denied,
        In::Both,
    ),
    row(
        "unable_not_held",
        "1.",
        "本机关不掌握相关政府信息",
        &["不掌握"],
        Unable,
        In::Both,
    ),
    row(
        "unable_need_creation",
        "2.",
        "没有现成信息需要另行制作",
        &["另行制作", "没有现成"],
        Unable,
        In::Both,
    ),
    row(
        "unable_unclear_after_correction",
        "3.",
        "补正后申请内容仍不明确",
        &["仍不明确", "补正后申请"],
        Unable,
        In::Both,
    ),
    row(
        "rejected_petition_complaint",
        "1.",
        "信访举报投诉类申请",
        &["信访举报投诉", "信访"],
        Rejected,
        In::Both,
    ),
    row(
        "rejected_duplicate",
        "2.",
        "重复申请",
        &["重复申请"],
        Rejected,
        In::Both,
    ),
    row(
        "rejected_publication",
        "3.",
        "要求提供公开出版物",
        &["公开出版物"],
        Rejected,
        In::Both,
    ),
    row(
        "rejected_massive_repeated",
        "4.",
        "无正当理由大量反复申请",
        &["大量反复"],
        Rejected,
        In::Both,
    ),
    row(
        "rejected_confirm_or_reissue",
        "5.",
        "要求行政机关确认或重新出具已获取信息",
        &["重新出具", "确认或重新"],
        Rejected,
        In::Both,
    ),
    row(
        "other_no_correction",
        "1.",
        "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        &["逾期不补正"],
        Other,
        In::Only2021,
    ),
    row(
        "other_unpaid_fee",
        "2.",
        "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        &["收费通知", "缴纳费用", "未缴费"],
        Other,
        In::Only2021,
    ),
    row(
        "other_other",
        "3.",
        "其他",
        &["3.其他", "3、其他", "(3)其他"],
        Other,
        In::Only2021,
    ),
    row(
        "other",
        "（六）",
        "其他处理",
        &["其他处理"],
        Other,
        In::Only2019,
    ),
    row(
        "total",
        "（七）",
        "总计",
        &["(七)总计", "七)总计", "总计"],
        Total,
        In::Both,
    ),
    row(
        "carried_forward",
        "四、",
        "结转下年度继续办理",
        &["结转下年度", "结转下年"],
        CarriedForward,
        In::Both,
    ),
];

/// Group labels of table 三 that carry no numbers of their own (row-spanning cells).
pub const REQUEST_GROUP_LABELS: &[&str] = &[
    "本年度办理结果",
    "(三)不予公开",
    "(四)无法提供",
    "(五)不予处理",
    "(六)其他处理",
    "申请人情况",
    "法人或其他组织",
];

/// The rows of table 三 for a format, in template order.
pub fn request_rows(format: Format) -> impl Iterator<Item = &'static RowSpec> {
    REQUEST_ROWS.iter().filter(move |r| r.formats.has(format))
}

pub fn request_row(key: &str) -> Option<&'static RowSpec> {
    REQUEST_ROWS.iter().find(|r| r.key == key)
}

/// One data row of table 二.
#[derive(Clone, Copy, Debug)]
pub struct ActiveRowSpec {
    pub key: &'static str,
    pub label: &'static str,
    /// Block caption: 第二十条第（一）项 etc.
    pub block: &'static str,
    pub anchors: &'static [&'static str],
    /// Column labels, in order.
    pub columns: &'static [&'static str],
    /// Columns that may carry a sign (2019: 本年增/减).
    pub signed_columns: &'static [usize],
    /// Columns holding amounts (decimals allowed).
    pub amount_columns: &'static [usize],
}

const C2021_DOCS: &[&str] = &["本年制发件数", "本年废止件数", "现行有效件数"];
const C2021_ONE: &[&str] = &["本年处理决定数量"];
const C2019_DOCS: &[&str] = &["本年新制作数量", "本年新公开数量", "对外公开总数量"];
const C2019_ITEMS: &[&str] = &["上一年项目数量", "本年增/减", "处理决定数量"];

pub const ACTIVE_ROWS_2021: &[ActiveRowSpec] = &[
    ActiveRowSpec {
        key: "regulations",
        label: "规章",
        block: "第二十条第（一）项",
        anchors: &["规章"],
        columns: C2021_DOCS,
        signed_columns: &[],
        amount_columns: &[],
    },
    ActiveRowSpec {
        key: "normative_documents",
        label: "行政规范性文件",
        block: "第二十条第（一）项",
        anchors: &["规范性文件"],
        columns: C2021_DOCS,
        signed_columns: &[],
        amount_columns: &[],
    },
    ActiveRowSpec {
        key: "licensing",
        label: "行政许可",
        block: "第二十条第（五）项",
        anchors: &["行政许可"],
        columns: C2021_ONE,
        signed_columns: &[],
        amount_columns: &[],
    },
    ActiveRowSpec {
        key: "penalty",
        label: "行政处罚",
        block: "第二十条第（六）项",
        anchors: &["行政处罚"],
        columns: C2021_ONE,
        signed_columns: &[],
        amount_columns: &[],
    },
    ActiveRowSpec {
        key: "coercion",
        label: "行政强制",
        block: "第二十条第（六）项",
        anchors: &["行政强制"],
        columns: C2021_ONE,
        signed_columns: &[],
        amount_columns: &[],
    },
    ActiveRowSpec {
        key: "fees",
        label: "行政事业性收费",
        block: "第二十条第（八）项",
        anchors: &["行政事业性收费"],
        columns: &["本年收费金额（单位：万元）"],
        signed_columns: &[],
        amount_columns: &[0],
    },
];

pub const ACTIVE_ROWS_2019: &[ActiveRowSpec] = &[
    ActiveRowSpec {
        key: "regulations",
        label: "规章",
        block: "第二十条第（一）项",
        anchors: &["规章"],
        columns: C2019_DOCS,
        signed_columns: &[],
        amount_columns: &[],
    },
    ActiveRowSpec {
        key: "normative_documents",
        label: "规范性文件",
        block: "第二十条第（一）项",
        anchors: &["规范性文件"],
        columns: C2019_DOCS,
        signed_columns: &[],
        amount_columns: &[],
    },
    ActiveRowSpec {
        key: "licensing",
        label: "行政许可",
        block: "第二十条第（五）项",
        anchors: &["行政许可"],
        columns: C2019_ITEMS,
        signed_columns: &[1],
        amount_columns: &[],
    },
    ActiveRowSpec {
        key: "other_services",
        label: "其他对外管理服务事项",
        block: "第二十条第（五）项",
        anchors: &["其他对外管理服务"],
        columns: C2019_ITEMS,
        signed_columns: &[1],
        amount_columns: &[],
    },
    ActiveRowSpec {
        key: "penalty",
        label: "行政处罚",
        block: "第二十条第（六）项",
        anchors: &["行政处罚"],
        columns: C2019_ITEMS,
        signed_columns: &[1],
        amount_columns: &[],
    },
    ActiveRowSpec {
        key: "coercion",
        label: "行政强制",
        block: "第二十条第（六）项",
        anchors: &["行政强制"],
        columns: C2019_ITEMS,
        signed_columns: &[1],
        amount_columns: &[],
    },
    ActiveRowSpec {
        key: "fees",
        label: "行政事业性收费",
        block: "第二十条第（八）项",
        anchors: &["行政事业性收费"],
        columns: &["上一年项目数量", "本年增/减"],
        signed_columns: &[1],
        amount_columns: &[],
    },
    ActiveRowSpec {
        key: "procurement",
        label: "政府集中采购",
        block: "第二十条第（九）项",
        anchors: &["政府集中采购"],
        columns: &["采购项目数量", "采购总金额"],
        signed_columns: &[],
        amount_columns: &[1],
    },
];

pub fn active_rows(format: Format) -> &'static [ActiveRowSpec] {
    match format {
        Format::F2019 => ACTIVE_ROWS_2019,
        _ => ACTIVE_ROWS_2021,
    }
}

/// The six sections of a 2019+ report.
#[derive(Clone, Copy, Debug)]
pub struct SectionSpec {
    pub number: u8,
    pub key: &'static str,
    /// The official heading (2021 template), with numbering.
    pub heading: &'static str,
    /// Keywords of the heading; any one identifies it after the numbering.
    pub keywords: &'static [&'static str],
}

pub const SECTIONS: [SectionSpec; 6] = [
    SectionSpec {
        number: 1,
        key: "overview",
        heading: "一、总体情况",
        keywords: &["总体情况", "概述", "基本情况", "總體情況"],
    },
    SectionSpec {
        number: 2,
        key: "active",
        heading: "二、主动公开政府信息情况",
        keywords: &["主动公开", "主動公開"],
    },
    SectionSpec {
        number: 3,
        key: "requests",
        heading: "三、收到和处理政府信息公开申请情况",
        keywords: &["收到和处理", "依申请公开", "政府信息公开申请", "收到和處理"],
    },
    SectionSpec {
        number: 4,
        key: "reviewLitigation",
        heading: "四、政府信息公开行政复议、行政诉讼情况",
        keywords: &["行政复议", "复议", "行政诉讼", "行政復議", "行政訴訟"],
    },
    SectionSpec {
        number: 5,
        key: "problems",
        heading: "五、存在的主要问题及改进情况",
        keywords: &[
            "存在的主要问题",
            "存在问题",
            "主要问题",
            "问题及改进",
            "主要問題",
            "存在問題",
        ],
    },
    SectionSpec {
        number: 6,
        key: "other",
        heading: "六、其他需要报告的事项",
        keywords: &["其他需要报告", "其他事项", "其他需要報告"],
    },
];

/// Chinese numerals 一…十 for section numbering.
pub const CN_NUMERALS: [char; 10] = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/// Vocabulary that marks each format (SPEC §5).
pub const SIGNALS_2021: &[&str] = &[
    "本年制发件数",
    "本年废止件数",
    "现行有效件数",
    "本年收费金额",
    "逾期未按收费通知",
    "逾期不补正",
    "国办公开办函〔2021〕30号",
    "国办公开办函[2021]30号",
];
pub const SIGNALS_2019: &[&str] = &[
    "本年新制作数量",
    "本年新公开数量",
    "对外公开总数量",
    "上一年项目数量",
    "第二十条第(九)项",
    "政府集中采购",
    "其他对外管理服务事项",
    "国办公开办函〔2019〕60号",
    "国办公开办函[2019]60号",
];
pub const SIGNALS_PRE2019: &[&str] = &[
    "收费及减免",
    "同意公开答复",
    "不同意公开",
    "免予公开",
    "依申请公开政府信息情况",
    "政府信息公开情况统计表",
    "历年累计",
    "政府信息公开的收费",
    "因政府信息公开申请行政复议",
    "主动公开政府信息的情况",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn row_counts_match_the_official_formats() {
        assert_eq!(request_rows(Format::F2021).count(), 25);
        assert_eq!(request_rows(Format::F2019).count(), 23);
        let keys: std::collections::HashSet<_> = REQUEST_ROWS.iter().map(|r| r.key).collect();
        assert_eq!(keys.len(), REQUEST_ROWS.len(), "row keys are unique");
        assert_eq!(
            ACTIVE_ROWS_2021
                .iter()
                .map(|r| r.columns.len())
                .sum::<usize>(),
            10
        );
        assert_eq!(
            ACTIVE_ROWS_2019
                .iter()
                .map(|r| r.columns.len())
                .sum::<usize>(),
            22
        );
    }
}
