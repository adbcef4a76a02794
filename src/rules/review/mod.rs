//! T4-* (table 四) rules.

use super::Rule;

pub static RULES: &[&dyn Rule] = &[];
