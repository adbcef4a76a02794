//! The layouts in which portals' pages reach the checker as text (issue 15), rendered from
//! a logical table the way crawlers and viewers turn an HTML table into text: each `<td>`
//! as its text and ` |`, the positions a `colspan`/`rowspan` covers as extra `|` at the
//! end of the row (`||||`), rows on lines of their own or one cell per line, a lone `|`
//! opening each row, cells separated by blank lines (an empty cell is one more blank line),
//! and space-separated PDF text whose header characters are stacked one per line.
//!
//! Label variants as real reports write them (typos, old names, traditional characters,
//! half-width brackets, doubled spaces) are applied on top of any layout.

#![allow(dead_code)]

use super::gen::GenReport;
use nianbao::template::{self, Format, RequestGroup};

/// A cell of the logical table (a `<td>`).
#[derive(Clone, Debug)]
struct C {
    text: String,
}

fn c(text: &str) -> C {
    C {
        text: text.to_string(),
    }
}

/// A logical table: its grid width and its rows of `<td>`s. A crawler pads each row to the
/// width with one `|` per grid position the row has no `<td>` of its own for (the positions
/// its colspans and the rowspans above cover).
struct Table {
    width: usize,
    rows: Vec<Vec<C>>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PortalLayout {
    /// A row per line: `a | b | c |`, spanned positions as `|` at the end (` ||`).
    PipeRows,
    /// One cell per line ending in ` |`; a row's spanned positions close its last line.
    CellLines,
    /// Like `CellLines`, each row opened by a lone `|` line.
    LonePipeRows,
    /// One cell per line, a blank line between cells; an empty cell is one more blank line.
    BlankLines,
    /// Space-separated rows from a PDF viewer; header cells stacked one character per line.
    PdfText,
}

pub const PORTAL_LAYOUTS: [PortalLayout; 5] = [
    PortalLayout::PipeRows,
    PortalLayout::CellLines,
    PortalLayout::LonePipeRows,
    PortalLayout::BlankLines,
    PortalLayout::PdfText,
];

/// How a generated report departs from the template's wording.
#[derive(Clone, Copy, Debug, Default)]
pub struct Variants {
    /// Typos and variants of row labels: 本年新受, 上年转结, （七）合计.
    pub typos: bool,
    /// Old and decorated names: 规范性文件 for 行政规范性文件, 现行有效件数（历史累计）,
    /// 第二十一条第(一)项 and `第二十条  第(一)项` with doubled spaces.
    pub names: bool,
    /// Traditional characters in headings and labels (收到和處理, 總計).
    pub traditional: bool,
    /// Half-width brackets ((一) for （一）).
    pub half_width: bool,
}

impl Variants {
    pub const ALL: Variants = Variants {
        typos: true,
        names: true,
        traditional: true,
        half_width: true,
    };

    fn label(&self, s: &str) -> String {
        let mut s = s.to_string();
        if self.typos {
            s = s
                .replace("本年新收", "本年新受")
                .replace("上年结转", "上年转结")
                .replace("（七）总计", "（七）合计");
        }
        if self.traditional {
            s = s
                .replace("总计", "總計")
                .replace("处理", "處理")
                .replace("结转下年度继续办理", "結轉下年度繼續辦理");
        }
        if self.half_width {
            s = s.replace('（', "(").replace('）', ")");
        }
        s
    }

    fn block(&self, s: &str, first: bool) -> String {
        let mut s = s.to_string();
        if self.names {
            // The first block's caption as two real pages write it: a wrong article, doubled spaces.
            s = if first {
                s.replace("第二十条", "第二十一条")
            } else {
                s.replace("第二十条", "第二十条  ")
            };
        }
        self.label(&s)
    }
}

/// The variants applied to a whole page (an HTML rendering): its labels are the template's,
/// so the same replacements reach them wherever they are in the markup.
pub fn apply_variants(page: &str, v: &Variants) -> String {
    let mut s = v.label(page);
    if v.names {
        s = s
            .replacen("第二十条第（一）项", "第二十一条第（一）项", 1)
            .replace("第二十条第（", "第二十条  第（")
            .replace("行政规范性文件", "规范性文件")
            .replace("现行有效件数", "现行有效件数（历史累计）");
    }
    if v.traditional {
        s = s.replace(
            "收到和处理政府信息公开申请情况",
            "收到和處理政府信息公開申請情況",
        );
    }
    s
}

/// Every value shown as printed; `blanks` leaves some cells empty (the value is then `None`).
fn values(v: &[u64], blank: &dyn Fn(usize) -> bool) -> Vec<C> {
    v.iter()
        .enumerate()
        .map(|(i, x)| if blank(i) { c("") } else { c(&x.to_string()) })
        .collect()
}

/// Which cells a report leaves empty: a few in some rows of table 三 (as real reports do).
pub fn is_blank(seed_blanks: bool, row: usize, col: usize) -> bool {
    seed_blanks && (row % 5 == 3) && col % 3 == 1
}

/// The three tables as logical rows of cells.
fn tables(r: &GenReport, v: &Variants, blanks: bool) -> (Table, Table, Table) {
    let none = |_: usize| false;
    // Table 二: four columns.
    let mut t2 = Vec::new();
    let mut block = "";
    for (k, (spec, vals)) in template::ACTIVE_ROWS_2021.iter().zip(&r.active).enumerate() {
        if spec.block != block {
            block = spec.block;
            t2.push(vec![c(&v.block(spec.block, k == 0))]);
            let mut head = vec![c("信息内容")];
            for col in spec.columns {
                let name = if v.names && *col == "现行有效件数" {
                    "现行有效件数（历史累计）"
                } else {
                    col
                };
                head.push(c(&v.label(name)));
            }
            t2.push(head);
        }
        let label = if v.names && spec.key == "normative_documents" {
            "规范性文件"
        } else {
            spec.label
        };
        let mut row = vec![c(&v.label(label))];
        row.extend(values(vals, &none));
        t2.push(row);
    }
    // Table 三: three label columns and seven values.
    let head = v.label("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）");
    let mut t3 = vec![
        vec![c(&head), c("申请人情况")],
        vec![c("自然人"), c("法人或其他组织"), c(&v.label("总计"))],
        vec![
            c("商业企业"),
            c("科研机构"),
            c("社会公益组织"),
            c("法律服务机构"),
            c("其他"),
        ],
    ];
    let specs: Vec<_> = template::request_rows(Format::F2021).collect();
    let mut last_group = None;
    for (i, (spec, vals)) in specs.iter().zip(&r.requests).enumerate() {
        let blank = |col: usize| is_blank(blanks, i, col);
        let mut row = Vec::new();
        let label = v.label(&spec.full_label());
        match spec.group {
            RequestGroup::Intake | RequestGroup::CarriedForward => row.push(c(&label)),
            RequestGroup::Outcome | RequestGroup::Total => {
                if spec.key == "granted" {
                    row.push(c("三、本年度办理结果"));
                }
                row.push(c(&label));
            }
            g => {
                if last_group != Some(g) {
                    row.push(c(&v.label(g.label())));
                }
                row.push(c(&label));
            }
        }
        last_group = Some(spec.group);
        row.extend(values(vals, &blank));
        t3.push(row);
    }
    // Table 四.
    let mut t4 = vec![
        vec![c("行政复议"), c("行政诉讼")],
        vec![
            c("结果维持"),
            c("结果纠正"),
            c("其他结果"),
            c("尚未审结"),
            c(&v.label("总计")),
            c("未经复议直接起诉"),
            c("复议后起诉"),
        ],
    ];
    let mut sub = Vec::new();
    for _ in 0..2 {
        for w in ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] {
            sub.push(c(&v.label(w)));
        }
    }
    t4.push(sub);
    t4.push(values(&r.review, &none));
    (
        Table { width: 4, rows: t2 },
        Table {
            width: 10,
            rows: t3,
        },
        Table {
            width: 15,
            rows: t4,
        },
    )
}

fn is_header_cell(text: &str) -> bool {
    !text.is_empty() && !text.chars().any(|c| c.is_ascii_digit()) && text.chars().count() <= 8
}

/// One logical table as text in a layout.
fn table_text(t: &Table, layout: PortalLayout) -> String {
    let mut s = String::new();
    for row in &t.rows {
        let fill = "|".repeat(t.width.saturating_sub(row.len()));
        match layout {
            PortalLayout::PipeRows => {
                let cells: Vec<String> = row.iter().map(|c| c.text.clone()).collect();
                s += &format!(
                    "{} |{}\n",
                    cells.join(" | "),
                    if fill.is_empty() {
                        String::new()
                    } else {
                        format!(" {fill}")
                    }
                );
            }
            PortalLayout::CellLines | PortalLayout::LonePipeRows => {
                if layout == PortalLayout::LonePipeRows {
                    s += "|\n";
                }
                for (k, cell) in row.iter().enumerate() {
                    let last = k + 1 == row.len();
                    let t = if cell.text.is_empty() {
                        "|".to_string()
                    } else {
                        format!("{} |", cell.text)
                    };
                    s += &t;
                    if last && !fill.is_empty() {
                        s += &format!(" {fill}");
                    }
                    s += "\n";
                }
            }
            PortalLayout::BlankLines => {
                // "text\n\n" per cell; an empty cell shows only as one more blank line.
                for cell in row {
                    if cell.text.is_empty() {
                        s += "\n";
                    } else {
                        s += &cell.text;
                        s += "\n\n";
                    }
                }
            }
            PortalLayout::PdfText => {
                // Header rows: each short header cell's characters stacked one per line;
                // data rows: the label then the numbers, separated by spaces.
                if row.iter().all(|c| {
                    is_header_cell(&c.text)
                        || c.text.chars().count() > 20
                            && !c.text.chars().any(|c| c.is_ascii_digit())
                }) && row.len() > 1
                {
                    for cell in row {
                        if cell.text.chars().count() > 20 {
                            s += &format!("{}\n", cell.text);
                        } else {
                            for ch in cell.text.chars() {
                                s += &format!("{ch}\n");
                            }
                        }
                    }
                } else {
                    let cells: Vec<String> = row.iter().map(|c| c.text.clone()).collect();
                    s += &format!("{}\n", cells.join(" "));
                }
            }
        }
    }
    s
}

/// The whole report in a portal layout, with label variants and, where the layout can show
/// them (`PdfText` cannot: spaces collapse), some blank cells.
pub fn render_portal(r: &GenReport, layout: PortalLayout, v: &Variants, blanks: bool) -> String {
    let blanks = blanks && layout != PortalLayout::PdfText;
    let (t2, t3, t4) = tables(r, v, blanks);
    let mut s = format!("测试区{}年政府信息公开工作年度报告\n本报告中所列数据的统计期限自{}年1月1日起至{}年12月31日止。\n", r.year, r.year, r.year);
    let sep = if layout == PortalLayout::BlankLines {
        "\n"
    } else {
        ""
    };
    s += &format!("一、总体情况\n{sep}本年度工作情况良好。\n{sep}二、主动公开政府信息情况\n{sep}");
    s += &table_text(&t2, layout);
    s += &format!(
        "{}\n{sep}",
        v.label(if v.traditional {
            "三、收到和處理政府信息公開申請情況"
        } else {
            "三、收到和处理政府信息公开申请情况"
        })
    );
    s += &table_text(&t3, layout);
    s += &format!("四、政府信息公开行政复议、行政诉讼情况\n{sep}");
    s += &table_text(&t4, layout);
    s += &format!("五、存在的主要问题及改进情况\n{sep}一是问题；二是改进。\n{sep}六、其他需要报告的事项\n{sep}本年度未收取信息处理费。\n");
    s
}
