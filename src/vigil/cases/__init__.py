"""Cases, defenders, events, sources and the actions that write them."""
