//! T2-* (table 二) rules.

use super::Rule;

pub static RULES: &[&dyn Rule] = &[];
