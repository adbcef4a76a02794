//! Y-* (against last year's report) rules.

use super::Rule;

pub static RULES: &[&dyn Rule] = &[];
