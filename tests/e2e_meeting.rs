//! Meeting mode end to end, through real pseudo-terminals and the real
//! daemon: the reviewer projects a unit's feedback (`kinerja meeting`),
//! an appraiser adds a note from their own terminal with quick feedback,
//! and the room sees it within moments; no rating or predikat is shown.

mod support;

use support::PIN;
use support::tmux::{BIN, Tmux, demo_with_untouched};

/// Sets a first PIN (typed twice) at the prompt.
fn first_pin(tmux: &Tmux, pane: &str) {
    for _ in 0..2 {
        tmux.wait_for(pane, "a PIN prompt", |s| s.contains("PIN"));
        tmux.keys(pane, &["-l", PIN]);
        tmux.keys(pane, &["Enter"]);
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
}

#[test]
fn a_note_added_at_one_terminal_appears_on_the_meeting_screen() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let (demo, appraiser, employee) = demo_with_untouched(&data);
    let reviewer = demo.org.reviewer_of(&employee).expect("a reviewer").clone();
    let unit = demo.org.unit(&employee.unit).expect("unit").name.clone();
    let base = format!("{BIN} --data-dir {}", data.display());

    let tmux = Tmux::new("meeting");
    tmux.start(
        "room",
        &format!("{base} --as {reviewer} meeting --unit {}", employee.unit),
        100,
        30,
    );
    first_pin(&tmux, "room");
    tmux.wait_for("room", "the meeting screen", |s| {
        s.contains(&format!("Umpan balik · {unit}")) && s.contains("0 catatan")
    });

    tmux.start("desk", &format!("{base} --as {appraiser}"), 100, 30);
    first_pin(&tmux, "desk");
    tmux.wait_for("desk", "the roster", |s| {
        s.contains("Pegawai yang Anda nilai")
    });
    // f, a few digits of the NIP, −, the note, Enter.
    tmux.keys("desk", &["f"]);
    tmux.keys("desk", &["-l", &employee.nip.as_str()[..10]]);
    tmux.wait_for("desk", "the picker", |s| s.contains(&employee.name));
    tmux.keys("desk", &["-l", "−Terlambat apel pagi tiga kali"]);
    tmux.keys("desk", &["Enter"]);
    tmux.wait_for("desk", "saved", |s| s.contains("tersimpan"));

    let room = tmux.wait_for("room", "the note, live", |s| {
        s.contains("Terlambat apel pagi tiga kali") && s.contains("1 catatan")
    });
    assert!(room.contains(&employee.name), "{room}");
    assert!(room.contains("−"), "a note to improve: {room}");
    for secret in ["Predikat", "Ekspektasi", "Sangat Baik", "Butuh Perbaikan"] {
        assert!(
            !room.contains(secret),
            "{secret} on the meeting screen:\n{room}"
        );
    }
}
