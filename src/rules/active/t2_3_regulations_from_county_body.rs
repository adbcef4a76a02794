use super::{known, readings};
use crate::diagnostic::{Diagnostic, Msg};
use crate::model::{CellRef, TableId};
use crate::rules::meta::body::{body, Level};
use crate::rules::util::fmt;
use crate::rules::RuleCtx;

crate::declare_rule! {
    pub struct RegulationsFromCountyBody;
    code: "T2-3", name: "regulations-from-county-body", family: Active, severity: Notice,
    formats: [F2021],
    summary: ("县级或乡镇机关报告本年制发了规章", "a county-level or township body reports regulations (规章) made this year"),
    what: (
        "只有国务院部门、省级人民政府和设区的市、自治州人民政府有规章制定权。机关名称表明是县级（县、旗、市辖区及其部门）或乡镇、街道，而表二“规章”的本年制发件数大于0时提示。看不出层级（如县级市、开发区、实验区）时不判断。",
        "Only State Council departments, provincial governments and the governments of cities with districts and autonomous prefectures may make 规章. When the agency's name shows a county-level body (县, 旗, a city district and their departments) or a township or sub-district, and table 2 reports 规章 made this year, it asks for a check. When the level cannot be told from the name (county-level cities, development zones) it says nothing."
    ),
    why: (
        "县乡两级没有规章制定权，这里的数字多半是把本机关制发的行政规范性文件或转发的上级规章填进了“规章”一行。",
        "County and township bodies cannot make 规章; a number here usually means normative documents, or regulations of a higher level that were forwarded, went into the wrong row."
    ),
    basis: "SPEC §6.2 T2-3 [I] (立法法 Art. 91, 93; not in the notice). The body's level is read conservatively from its name.",
    fails: "平潭县人民政府…… 规章 | 2 | 0 | 2 |",
    passes: "淮安市人民政府…… 规章 | 1 | 0 | 11 |",
}

impl RegulationsFromCountyBody {
    fn run(&self, ctx: &RuleCtx, out: &mut Vec<Diagnostic>) {
        let Some(b) = body(ctx.report) else { return };
        if b.level == Level::Unknown {
            return;
        }
        let Some(row) = ctx
            .report
            .active
            .as_ref()
            .and_then(|t| t.row("regulations"))
        else {
            return;
        };
        let all = readings(row);
        let made: Vec<Option<f64>> = all.iter().map(|r| known(r, &[0]).map(|v| v[0])).collect();
        if made.is_empty() || !made.iter().all(|m| m.is_some_and(|v| v > 0.0)) {
            return;
        }
        let (count_zh, count_en) = if all.len() > 1 {
            (
                "若干件（数字粘连，每种可能的拆分都大于0）".to_string(),
                "some (the digits are glued; every possible split is above 0)".to_string(),
            )
        } else {
            let n = fmt(made[0].unwrap_or(0.0));
            (format!("{n}件"), n)
        };
        let mut d = Self::META
            .diag(Msg::new(
                format!("“{}”是{}机关，没有规章制定权，表二却填报本年制发规章{count_zh}", b.name, b.level.zh()),
                format!(
                    "“{}” is a {} body, which cannot make 规章, yet table 2 reports {count_en} made this year",
                    b.name,
                    b.level.en()
                ),
            ))
            .at(row.cells.first().and_then(|c| c.span).or(row.label_span))
            .on(CellRef::new(TableId::Active, "regulations", 0))
            .note(Msg::new(
                "本机关制发的文件一般应计入“行政规范性文件”一行",
                "documents the body issued itself normally belong in the 行政规范性文件 row",
            ));
        if all.len() > 1 {
            d = d.review();
        }
        out.push(d);
    }
}
