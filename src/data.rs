//! Placeholder: shipped data files and their loader.
