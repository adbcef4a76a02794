//! A generated 2021-format report with consistent numbers, rendered in every layout the
//! parser must read: an HTML grid (official rowspans and colspans), pipe rows, tab rows,
//! one cell per line, and digits glued together as crawlers flatten them.

#![allow(dead_code)]

use nianbao::template::{self, Format, RequestGroup};

#[derive(Clone, Debug)]
pub struct GenReport {
    pub year: i32,
    /// 25 rows (2021 template order) × 7 values.
    pub requests: Vec<[u64; 7]>,
    pub review: [u64; 15],
    /// Table 二 rows (2021 template order), values per row.
    pub active: Vec<Vec<u64>>,
}

/// A small deterministic generator (xorshift), so tests need no extra crate for this.
pub struct Rng(u64);
impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407)
            | 1)
    }
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }
    /// Mostly zeros and small numbers, sometimes large ones, as in real reports.
    pub fn count(&mut self) -> u64 {
        match self.next() % 10 {
            0..=4 => 0,
            5..=7 => self.next() % 10,
            8 => self.next() % 200,
            _ => self.next() % 5000,
        }
    }
}

impl GenReport {
    pub fn new(seed: u64) -> Self {
        let mut rng = Rng::new(seed);
        let rows: Vec<_> = template::request_rows(Format::F2021).collect();
        let mut requests = vec![[0u64; 7]; rows.len()];
        let idx = |k: &str| rows.iter().position(|r| r.key == k).unwrap();
        // Outcome rows.
        for (i, r) in rows.iter().enumerate() {
            if matches!(
                r.group,
                RequestGroup::Outcome
                    | RequestGroup::Denied
                    | RequestGroup::Unable
                    | RequestGroup::Rejected
                    | RequestGroup::Other
            ) {
                for cell in &mut requests[i][..6] {
                    *cell = rng.count();
                }
            }
        }
        let total = idx("total");
        // Columns across rows: the index is the column.
        #[allow(clippy::needless_range_loop)]
        for c in 0..6 {
            requests[total][c] = rows
                .iter()
                .enumerate()
                .filter(|(_, r)| {
                    matches!(
                        r.group,
                        RequestGroup::Outcome
                            | RequestGroup::Denied
                            | RequestGroup::Unable
                            | RequestGroup::Rejected
                            | RequestGroup::Other
                    )
                })
                .map(|(i, _)| requests[i][c])
                .sum();
            let carried_over = rng.count().min(requests[total][c]);
            let carried_forward = rng.count();
            requests[idx("carried_over")][c] = carried_over;
            requests[idx("carried_forward")][c] = carried_forward;
            requests[idx("new")][c] = requests[total][c] + carried_forward - carried_over;
        }
        for row in requests.iter_mut() {
            row[6] = row[..6].iter().sum();
        }
        let mut review = [0u64; 15];
        for g in 0..3 {
            for k in 0..4 {
                review[g * 5 + k] = rng.count();
            }
            review[g * 5 + 4] = review[g * 5..g * 5 + 4].iter().sum();
        }
        let active = template::ACTIVE_ROWS_2021
            .iter()
            .map(|r| (0..r.columns.len()).map(|_| rng.count()).collect())
            .collect();
        GenReport {
            year: 2021 + (seed % 5) as i32,
            requests,
            review,
            active,
        }
    }

    fn preamble(&self) -> String {
        format!("测试区{}年政府信息公开工作年度报告\n本报告中所列数据的统计期限自{}年1月1日起至{}年12月31日止。\n", self.year, self.year, self.year)
    }
}

/// Row labels as a Word export shows them: group label, then the row's own label.
fn labels() -> Vec<(Option<&'static str>, Option<&'static str>, String)> {
    template::request_rows(Format::F2021)
        .map(|r| {
            let (top, group) = match r.group {
                RequestGroup::Intake | RequestGroup::CarriedForward => (None, None),
                RequestGroup::Total | RequestGroup::Outcome => (Some("三、本年度办理结果"), None),
                RequestGroup::Denied => (Some("三、本年度办理结果"), Some("（三）不予公开")),
                RequestGroup::Unable => (Some("三、本年度办理结果"), Some("（四）无法提供")),
                RequestGroup::Rejected => (Some("三、本年度办理结果"), Some("（五）不予处理")),
                RequestGroup::Other => (Some("三、本年度办理结果"), Some("（六）其他处理")),
            };
            (top, group, r.full_label())
        })
        .collect()
}

const T3_HEAD: &str = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    Html,
    Pipes,
    Tabs,
    CellPerLine,
    Glued,
}

pub const LAYOUTS: [Layout; 5] = [
    Layout::Html,
    Layout::Pipes,
    Layout::Tabs,
    Layout::CellPerLine,
    Layout::Glued,
];

pub fn render(r: &GenReport, layout: Layout) -> String {
    match layout {
        Layout::Html => html(r),
        _ => text(r, layout),
    }
}

fn text(r: &GenReport, layout: Layout) -> String {
    let row = |label: &str, values: &[String]| -> String {
        match layout {
            Layout::Pipes => format!("{label} | {} |\n", values.join(" | ")),
            Layout::Tabs => format!("{label}\t{}\n", values.join("\t")),
            Layout::CellPerLine => format!("{label}\n{}\n", values.join("\n")),
            _ => format!("{label}{}", values.concat()),
        }
    };
    let nums = |v: &[u64]| -> Vec<String> { v.iter().map(|x| x.to_string()).collect() };
    let mut s = r.preamble();
    s += "一、总体情况\n本年度工作情况良好。\n二、主动公开政府信息情况\n";
    let mut block = "";
    for (spec, values) in template::ACTIVE_ROWS_2021.iter().zip(&r.active) {
        if spec.block != block {
            block = spec.block;
            s += &format!("{}\n信息内容 {}\n", spec.block, spec.columns.join(" "));
        }
        s += &row(spec.label, &nums(values));
    }
    s += "\n三、收到和处理政府信息公开申请情况\n";
    s += &format!("{T3_HEAD}\n申请人情况\n自然人 法人或其他组织 总计\n商业企业 科研机构 社会公益组织 法律服务机构 其他\n");
    let mut last_group = None;
    for ((top, group, label), values) in labels().into_iter().zip(&r.requests) {
        let mut l = String::new();
        if group != last_group {
            if let Some(g) = group {
                l += g;
            }
        }
        if let Some(top) =
            top.filter(|_| label.starts_with("（一）") || label.starts_with("（七）"))
        {
            l = format!("{top}{l}");
        }
        last_group = group;
        l += &label;
        s += &row(&l, &nums(values));
    }
    s += "\n四、政府信息公开行政复议、行政诉讼情况\n行政复议 行政诉讼\n结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉\n结果维持 结果纠正 其他结果 尚未审结 总计 结果维持 结果纠正 其他结果 尚未审结 总计\n";
    s += &match layout {
        Layout::Pipes => format!("| {} |\n", nums(&r.review).join(" | ")),
        Layout::Tabs => format!("{}\n", nums(&r.review).join("\t")),
        Layout::CellPerLine => format!("{}\n", nums(&r.review).join("\n")),
        _ => nums(&r.review).concat(),
    };
    s += "\n五、存在的主要问题及改进情况\n一是问题；二是改进。\n六、其他需要报告的事项\n本年度未收取信息处理费。\n";
    s
}

fn html(r: &GenReport) -> String {
    let mut s = String::from("<html><head><meta charset=\"utf-8\"><title>测试</title></head><body><div class=\"nav\">首页 &gt; 年报</div>");
    s += &format!("<p>{}</p>", r.preamble().replace('\n', "</p><p>"));
    s += "<p>一、总体情况</p><p>本年度工作情况良好。</p><p>二、主动公开政府信息情况</p><table border=\"1\">";
    let mut block = "";
    for (spec, values) in template::ACTIVE_ROWS_2021.iter().zip(&r.active) {
        if spec.block != block {
            block = spec.block;
            s += &format!(
                "<tr><td colspan=\"4\"><p><span>{}</span></p></td></tr><tr><td>信息内容</td>",
                spec.block
            );
            for c in spec.columns {
                s += &format!(
                    "<td{}>{c}</td>",
                    if spec.columns.len() == 1 {
                        " colspan=\"3\""
                    } else {
                        ""
                    }
                );
            }
            s += "</tr>";
        }
        s += &format!(
            "<tr><td><span style=\"font-family:宋体\">{}</span></td>",
            spec.label
        );
        for v in values {
            s += &format!(
                "<td{}><p class=\"MsoNormal\"><span>&nbsp;</span><span>{v}</span></p></td>",
                if values.len() == 1 {
                    " colspan=\"3\""
                } else {
                    ""
                }
            );
        }
        s += "</tr>";
    }
    s += "</table><p>三、收到和处理政府信息公开申请情况</p><table border=\"1\">";
    s += &format!(
        "<tr><td colspan=\"3\" rowspan=\"3\">{T3_HEAD}</td><td colspan=\"7\">申请人情况</td></tr>"
    );
    s += "<tr><td rowspan=\"2\">自然人</td><td colspan=\"5\">法人或其他组织</td><td rowspan=\"2\">总计</td></tr>";
    s += "<tr><td>商业<br>企业</td><td>科研<br>机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>";
    let labels = labels();
    let cells = |v: &[u64; 7]| {
        v.iter()
            .map(|x| format!("<td><span lang=\"EN-US\">{x}</span></td>"))
            .collect::<String>()
    };
    let mut i = 0;
    while i < labels.len() {
        let (top, group, label) = &labels[i];
        let v = &r.requests[i];
        match (top, group) {
            (None, None) => s += &format!("<tr><td colspan=\"3\">{label}</td>{}</tr>", cells(v)),
            (Some(t), None) => {
                let lead = if label.starts_with("（一）") {
                    format!("<td rowspan=\"22\">{t}</td>")
                } else {
                    String::new()
                };
                s += &format!("<tr>{lead}<td colspan=\"2\">{label}</td>{}</tr>", cells(v));
            }
            (Some(_), Some(g)) => {
                let n = labels.iter().filter(|l| l.1 == Some(*g)).count();
                let first = i == 0 || labels[i - 1].1 != Some(*g);
                let lead = if first {
                    format!("<td rowspan=\"{n}\">{g}</td>")
                } else {
                    String::new()
                };
                s += &format!("<tr>{lead}<td>{label}</td>{}</tr>", cells(v));
            }
            (None, Some(_)) => unreachable!(),
        }
        i += 1;
    }
    s += "</table><p>四、政府信息公开行政复议、行政诉讼情况</p><table>";
    s += "<tr><td colspan=\"5\">行政复议</td><td colspan=\"10\">行政诉讼</td></tr>";
    s += "<tr><td rowspan=\"2\">结果维持</td><td rowspan=\"2\">结果纠正</td><td rowspan=\"2\">其他结果</td><td rowspan=\"2\">尚未审结</td><td rowspan=\"2\">总计</td><td colspan=\"5\">未经复议直接起诉</td><td colspan=\"5\">复议后起诉</td></tr><tr>";
    for _ in 0..2 {
        s += "<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>";
    }
    s += "</tr><tr>";
    for v in r.review {
        s += &format!("<td>{v}</td>");
    }
    s += "</tr></table><p>五、存在的主要问题及改进情况</p><p>一是问题。</p><p>六、其他需要报告的事项</p><p>本年度未收取信息处理费。</p>";
    s += "<div class=\"footer\">分享到： 微信 微博</div><script>document.title='x'</script></body></html>";
    s
}
