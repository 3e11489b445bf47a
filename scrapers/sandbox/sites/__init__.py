"""One replica module per site; each defines `REPLICA` (found automatically by the server)."""
