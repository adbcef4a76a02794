//! T3-* (table 三) rules.

use super::Rule;

pub static RULES: &[&dyn Rule] = &[];
