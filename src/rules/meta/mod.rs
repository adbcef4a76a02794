//! M-* (metadata and deadlines) rules.

use super::Rule;

pub static RULES: &[&dyn Rule] = &[];
