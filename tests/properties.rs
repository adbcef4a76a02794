//! Properties: any input parses without panic, and every span the model holds is inside the
//! source and on char boundaries.

mod common;
use nianbao::api::{self, CheckOptions, KindOption};
use nianbao::diagnostic::Lang;
use nianbao::model::Report;
use nianbao::source::Span;
use proptest::prelude::*;

fn spans(r: &Report) -> Vec<Span> {
    let mut v: Vec<Span> = Vec::new();
    v.extend(r.title_span);
    for s in &r.sections {
        v.push(s.heading_span);
    }
    let rows = r
        .requests
        .iter()
        .flat_map(|t| t.rows.iter().chain(t.extra_rows.iter().map(|e| &e.row)))
        .chain(r.active.iter().flat_map(|t| t.rows.iter()))
        .chain(r.review.iter().map(|t| &t.row));
    for row in rows {
        v.extend(row.label_span);
        v.extend(row.cells.iter().filter_map(|c| c.span));
    }
    for d in &r.findings {
        v.extend(d.span);
    }
    v
}

fn check_all_ways(src: &str) {
    for kind in [KindOption::Auto, KindOption::Text, KindOption::Html] {
        let c = api::check(
            src,
            &CheckOptions {
                kind,
                lang: Lang::Zh,
                ..Default::default()
            },
        );
        for s in spans(c.report()) {
            assert!(
                s.start <= s.end && s.end <= src.len(),
                "span {s:?} out of bounds ({})",
                src.len()
            );
            assert!(
                src.is_char_boundary(s.start) && src.is_char_boundary(s.end),
                "span {s:?} not on char boundaries"
            );
        }
        // The JSON contract renders for anything.
        let j = api::to_json("x", &c, Lang::En);
        assert!(j["diagnostics"].is_array());
    }
}

/// Pieces real reports are made of, to build inputs that reach deep into the parser.
const PIECES: &[&str] = &[
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
    "一、本年新收政府信息公开申请数量",
    "二、上年结转政府信息公开申请数量",
    "（一）予以公开",
    "（二）部分公开",
    "1.属于国家秘密",
    "2.",
    "3.其他",
    "（七）总计",
    "四、结转下年度继续办理",
    "行政复议",
    "结果维持",
    "总计",
    "规章",
    "行政规范性文件",
    "第二十条第（一）项",
    "|",
    "\t",
    "\n",
    " ",
    "0",
    "12",
    "640020470",
    "—",
    "/",
    "无",
    "１２",
    "<table>",
    "<tr>",
    "<td rowspan=\"3\">",
    "<td colspan=\"2\">",
    "</td>",
    "</tr>",
    "</table>",
    "<p>",
    "<br>",
    "&nbsp;",
    "<span style=\"display:none\">",
    "</span>",
    "2023年",
    "政府信息公开工作年度报告",
    "𠀀",
    "é",
    "\u{feff}",
    "y3 V& l- \\4 a/",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, .. ProptestConfig::default() })]

    #[test]
    fn any_string_parses(s in "\\PC{0,400}") {
        check_all_ways(&s);
    }

    #[test]
    fn report_like_strings_parse(parts in proptest::collection::vec(proptest::sample::select(PIECES), 0..120)) {
        check_all_ways(&parts.concat());
    }

    #[test]
    fn any_bytes_decode_and_parse(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        if let Ok(d) = nianbao::input::decode(&bytes, None) {
            check_all_ways(&d.text);
        }
    }

    #[test]
    fn generated_reports_cut_anywhere_parse(seed in 0u64..1000, cut in 0usize..20000) {
        let r = common::gen::GenReport::new(seed);
        for layout in common::gen::LAYOUTS {
            let s = common::gen::render(&r, layout);
            let mut at = cut.min(s.len());
            while !s.is_char_boundary(at) { at -= 1; }
            check_all_ways(&s[..at]);
        }
    }
}
