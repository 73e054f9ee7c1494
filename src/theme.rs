//! Placeholder: themes.
