"""Watch rules and alerts: declarative conditions over new documents and claims."""
