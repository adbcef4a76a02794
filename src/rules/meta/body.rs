//! What kind of body a report is from, read conservatively from its name (the agency in the
//! title). Used where the answer changes what is plausible: T2-3 (who may make 规章), T2-4
//! (how large a fee total can be) and M-1 (which deadline applies). When the name does not
//! say, the answer is `Unknown` and those rules stay silent or use the widest bound.

use crate::model::Report;

/// The administrative level of the reporting body.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Level {
    /// 乡、镇、街道、苏木 (or below).
    Township,
    /// A county-level government or one of its departments: 县、旗、自治县, or a 市辖区
    /// named as “X市Y区”.
    County,
    /// Anything else, or not known: a 设区的市, a province, a ministry, a development zone,
    /// a 县级市 (its name does not tell it from a 地级市).
    Unknown,
}

#[derive(Clone, Debug)]
pub struct Body {
    /// The name read, after the suffixes (人民政府, 办事处…) were taken off.
    pub name: String,
    pub level: Level,
    /// A government department (…局, …厅, …委员会): its own report, due by 1月31日.
    pub department: bool,
}

impl Level {
    pub fn zh(self) -> &'static str {
        match self {
            Level::Township => "乡镇（街道）",
            Level::County => "县级",
            Level::Unknown => "层级不明",
        }
    }
    pub fn en(self) -> &'static str {
        match self {
            Level::Township => "township-level",
            Level::County => "county-level",
            Level::Unknown => "of unknown level",
        }
    }
}

const SUFFIXES: [&str; 10] = [
    "人民政府办公室",
    "人民政府办公厅",
    "政府办公室",
    "人民政府",
    "党政办公室",
    "党政办",
    "办事处",
    "政府",
    "办公室",
    "(本级机关)",
];

/// Words ending in 区 that do not name a 市辖区.
const NOT_DISTRICT: [&str; 17] = [
    "开发区",
    "实验区",
    "新区",
    "示范区",
    "园区",
    "保税区",
    "试验区",
    "合作区",
    "高新区",
    "自治区",
    "功能区",
    "景区",
    "港区",
    "地区",
    "片区",
    "管理区",
    "综合区",
];

/// Read the reporting body from the report's agency name.
pub fn body(report: &Report) -> Option<Body> {
    let raw = report.agency.as_deref()?;
    let mut name: String = raw
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .replace('（', "(")
        .replace('）', ")");
    loop {
        let before = name.len();
        for s in SUFFIXES {
            if let Some(n) = name.strip_suffix(s) {
                name = n.to_string();
            }
        }
        if name.len() == before {
            break;
        }
    }
    // A name, not a phrase the title reader caught by mistake ("…等六个方面汇报我镇").
    let n = name.chars().count();
    if !(2..=24).contains(&n) || name.chars().any(|c| "，。、；：,;:".contains(c)) {
        return None;
    }
    let level = level_of(&name);
    let department = is_department(&name);
    Some(Body {
        name,
        level,
        department,
    })
}

fn level_of(name: &str) -> Level {
    if ["镇", "乡", "街道", "苏木"]
        .iter()
        .any(|s| name.ends_with(s))
    {
        return Level::Township;
    }
    let chars: Vec<char> = name.chars().collect();
    // 县 / 旗 after at least one character of a place name ("平潭县", "XX自治旗").
    if chars.iter().skip(1).any(|&c| c == '县' || c == '旗') && !name.contains("县级市") {
        return Level::County;
    }
    // "X市Y区": a district of a city.
    if let Some(m) = chars.iter().position(|&c| c == '市') {
        for (i, &c) in chars.iter().enumerate().skip(m + 2) {
            if c != '区' {
                continue;
            }
            let upto: String = chars[..=i].iter().collect();
            let seg = i - m - 1;
            if (1..=6).contains(&seg) && !NOT_DISTRICT.iter().any(|w| upto.ends_with(w)) {
                return Level::County;
            }
            break;
        }
    }
    Level::Unknown
}

fn is_department(name: &str) -> bool {
    (name.ends_with('局') && !name.ends_with("总局"))
        || (name.ends_with('厅') && !name.ends_with("办公厅"))
        || (name.ends_with("委员会") && !name.ends_with("管理委员会"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lv(n: &str) -> Level {
        level_of(n)
    }

    #[test]
    fn levels_from_names() {
        assert_eq!(lv("平潭县"), Level::County);
        assert_eq!(lv("太平镇"), Level::Township);
        assert_eq!(lv("冲口街道"), Level::Township);
        assert_eq!(lv("广州市荔湾区"), Level::County);
        assert_eq!(lv("福州市晋安区统计局"), Level::County);
        assert_eq!(lv("漳州古雷港经济开发区"), Level::Unknown);
        assert_eq!(lv("平潭综合实验区"), Level::Unknown);
        assert_eq!(lv("淮安市"), Level::Unknown);
        assert_eq!(lv("上海市浦东新区"), Level::Unknown);
        assert_eq!(lv("示例区"), Level::Unknown);
        assert_eq!(lv("湛江海关关区"), Level::Unknown);
        assert!(is_department("区统计局"));
        assert!(!is_department("国家税务总局"));
        assert!(!is_department("上海市人民政府办公厅"));
    }
}
