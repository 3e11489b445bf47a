"""One scraper module per site, grouped by kind (nowplaying, comingsoon, cinematheques)."""
