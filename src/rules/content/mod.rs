//! N-* (sections 一, 五, 六) rules.

use super::Rule;

pub static RULES: &[&dyn Rule] = &[];
