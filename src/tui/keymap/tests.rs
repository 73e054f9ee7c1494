use super::*;
use ratatui::crossterm::event::KeyEventState;

fn press(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
    KeyEvent::new(code, mods)
}

#[test]
fn the_shipped_keymap_parses() {
    assert!(parse_file(DEFAULT_FILE, DEFAULT).is_ok());
}

#[test]
fn digits_rate_in_scoring_and_global_keys_fall_through() {
    let km = Keymap::default_map();
    let k = press(KeyCode::Char('3'), KeyModifiers::NONE);
    assert_eq!(km.resolve(&k, Context::Scoring), Some(Action::Rate(3)));
    let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
    assert_eq!(km.resolve(&q, Context::Scoring), Some(Action::Quit));
    assert_eq!(km.resolve(&q, Context::Text), Some(Action::Input(q)));
}

#[test]
fn shift_letter_is_normalised_to_the_capital() {
    let km = Keymap::default_map();
    let shifted = press(KeyCode::Char('k'), KeyModifiers::SHIFT);
    assert_eq!(
        km.resolve(&shifted, Context::Summary),
        Some(Action::MoveItemUp)
    );
    let capital = press(KeyCode::Char('K'), KeyModifiers::SHIFT);
    assert_eq!(
        km.resolve(&capital, Context::Summary),
        Some(Action::MoveItemUp)
    );
    let plain = press(KeyCode::Char('k'), KeyModifiers::NONE);
    assert_eq!(km.resolve(&plain, Context::Summary), Some(Action::Up));
}

#[test]
fn key_release_and_repeat_are_ignored() {
    let km = Keymap::default_map();
    let mut k = press(KeyCode::Char('3'), KeyModifiers::NONE);
    k.kind = KeyEventKind::Release;
    k.state = KeyEventState::NONE;
    assert_eq!(km.resolve(&k, Context::Scoring), None);
}

#[test]
fn ctrl_c_always_quits_outside_text() {
    let km = Keymap::default_map();
    let k = press(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(km.resolve(&k, Context::Help), Some(Action::Quit));
}

#[test]
fn a_user_file_overrides_only_the_keys_it_names() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("keymap.toml"),
        "[[scoring]]\nkeys = [\"x\"]\naction = \"summary\"\n\n[[scoring]]\nkeys = [\"s\"]\naction = \"unbound\"\n",
    )
    .expect("write");
    let km = Keymap::load(Some(dir.path())).expect("load");
    let key = |c| press(KeyCode::Char(c), KeyModifiers::NONE);
    assert_eq!(
        km.resolve(&key('x'), Context::Scoring),
        Some(Action::Summary)
    );
    assert_eq!(km.resolve(&key('s'), Context::Scoring), None);
    assert_eq!(
        km.resolve(&key('2'), Context::Scoring),
        Some(Action::Rate(2))
    );
    assert!(
        !km.bindings(Context::Scoring)
            .any(|b| b.keys.contains(&Key::parse("s").expect("key")))
    );
}

#[test]
fn a_bad_user_keymap_names_file_line_and_field() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("keymap.toml"),
        "[[scoring]]\nkeys = [\"hyper-q\"]\naction = \"quit\"\n",
    )
    .expect("write");
    let err = Keymap::load(Some(dir.path())).expect_err("bad key");
    assert_eq!(err.line, Some(2));
    assert_eq!(err.field.as_deref(), Some("scoring[0].keys"));
    std::fs::write(
        dir.path().join("keymap.toml"),
        "[[scoring]]\nkeys = [\"q\"]\naction = \"fly\"\n",
    )
    .expect("write");
    let err = Keymap::load(Some(dir.path())).expect_err("bad action");
    assert!(err.to_string().contains("scoring[0].action"), "{err}");
}
