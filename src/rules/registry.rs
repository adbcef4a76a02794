//! Every rule, family by family. Adding a rule: write its file in the family's folder,
//! declare it with `declare_rule!`, and list it in that family's `RULES`.

use super::Rule;
use std::sync::LazyLock;

pub static RULES: LazyLock<Vec<&'static dyn Rule>> = LazyLock::new(|| {
    [
        super::structure::RULES,
        super::active::RULES,
        super::requests::RULES,
        super::review::RULES,
        super::narrative::RULES,
        super::crossyear::RULES,
        super::content::RULES,
        super::meta::RULES,
        super::parser::RULES,
    ]
    .concat()
});
