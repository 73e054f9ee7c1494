//! The self-assessment's stored layout.

use super::{assert_golden, entry, key};
use crate::domain::SelfAssessment;

#[test]
fn self_assessment_layout_is_golden() {
    let s = SelfAssessment {
        key: key(),
        entries: [
            ("pelayanan".to_string(), entry(Some(4), "ramah", "")),
            ("rhk1".to_string(), entry(Some(3), "", "12 laporan")),
        ]
        .into_iter()
        .collect(),
        sent: Some(1_767_225_600),
        revision: 5,
        updated_at: 1_767_225_600,
    };
    assert_golden(
        &s,
        "4b4a12010007323032362d533112313939303033313532303139303332303037\
         020970656c6179616e616e01040572616d6168000472686b310103000a313220\
         6c61706f72616e01fc0072abd205fc0072abd2",
    );
}
