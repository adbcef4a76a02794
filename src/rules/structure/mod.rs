//! S-* (structure) rules.

use super::Rule;

pub static RULES: &[&dyn Rule] = &[];
