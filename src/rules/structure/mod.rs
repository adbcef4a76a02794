//! S-*: structure — sections, table templates, blank cells, cell types, years.

mod s_1_sections;
mod s_2_template;
mod s_3_blank_cells;
mod s_4_count_not_whole;
mod s_5_column_count;
mod s_6_year_mismatch;

use super::Rule;

pub static RULES: &[&dyn Rule] = &[
    &s_1_sections::Sections,
    &s_2_template::Template,
    &s_3_blank_cells::BlankCells,
    &s_4_count_not_whole::CountNotWhole,
    &s_5_column_count::ColumnCount,
    &s_6_year_mismatch::YearMismatch,
];
