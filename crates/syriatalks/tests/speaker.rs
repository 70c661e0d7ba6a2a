//! The `speaker` filter: quotes said by an actor, not quotes that merely involve them.

use syriatalks::{embedded, Event, Filter, Quote};

#[test]
fn speaker_selects_the_quotes_an_actor_said() {
    let ds = embedded();
    let said = ds
        .select::<Quote>(&Filter::new().speaker("de Mistura"))
        .unwrap();
    let expected: Vec<&str> = ds
        .quotes()
        .iter()
        .filter(|q| q.speaker == "staffan-de-mistura")
        .map(|q| q.id.as_str())
        .collect();
    assert!(!expected.is_empty());
    assert_eq!(
        said.iter().map(|q| q.id.as_str()).collect::<Vec<_>>(),
        expected
    );
    // `actor` also matches quotes addressed to him; `speaker` does not.
    let involving = ds
        .select::<Quote>(&Filter::new().actor("staffan-de-mistura"))
        .unwrap();
    assert!(involving.len() >= said.len());
    // Only quotes have a speaker.
    assert!(ds
        .select::<Event>(&Filter::new().speaker("de Mistura"))
        .unwrap()
        .is_empty());
    // A name no actor has is an error, as for `actor`.
    assert!(ds
        .select::<Quote>(&Filter::new().speaker("Nobody Atall"))
        .is_err());
}
