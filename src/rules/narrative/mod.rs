//! X-* (narrative against the tables) rules.

use super::Rule;

pub static RULES: &[&dyn Rule] = &[];
