use super::*;

#[test]
fn both_catalogues_fill_every_string() {
    for (lang, s) in [("id", &ID), ("en", &EN)] {
        for (k, v) in s.entries() {
            assert!(!v.trim().is_empty(), "{lang}.{k} is empty");
        }
    }
}

#[test]
fn placeholders_match_between_languages() {
    let holes = |s: &str| {
        let mut v: Vec<String> = s
            .split('{')
            .skip(1)
            .filter_map(|p| p.split_once('}').map(|(h, _)| h.to_string()))
            .collect();
        v.sort();
        v
    };
    for ((k, id), (_, en)) in ID.entries().into_iter().zip(EN.entries()) {
        assert_eq!(holes(id), holes(en), "placeholders differ in {k}");
    }
}

#[test]
fn every_keymap_action_has_a_description() {
    let km = crate::tui::keymap::Keymap::default_map();
    for ctx in [
        crate::tui::keymap::Context::Global,
        crate::tui::keymap::Context::Scoring,
        crate::tui::keymap::Context::Summary,
        crate::tui::keymap::Context::Roster,
        crate::tui::keymap::Context::Login,
        crate::tui::keymap::Context::FirstRun,
        crate::tui::keymap::Context::Text,
        crate::tui::keymap::Context::Filter,
        crate::tui::keymap::Context::Help,
    ] {
        for b in km.bindings(ctx) {
            assert!(!ID.action(&b.action).is_empty(), "{:?}", b.action);
            assert!(!EN.action(&b.action).is_empty(), "{:?}", b.action);
        }
    }
}

#[test]
fn lang_parses_common_spellings() {
    assert_eq!(Lang::parse("EN"), Some(Lang::En));
    assert_eq!(Lang::parse("id"), Some(Lang::Id));
    assert_eq!(Lang::parse("fr"), None);
}
