//! Placeholder: the versioned bincode codec lands with the store.
