-- The trading lease is now keyed by the account orders go to ("kalshi key <fingerprint of the API key id>"; "paper"
-- for the local paper venue), no longer by the venue's name ("kalshi-live"): two instances configured alike but
-- trading different accounts no longer wait for each other, and one account is led by one instance whatever each
-- calls its venue. Rows under the old names are leases of stopped older versions; they would sit there for ever
-- and show a stale leader, so they go. Upgrade every instance sharing the database together: an older instance
-- still running would hold its lease under the old name.
DELETE FROM trading.trading_lease WHERE account LIKE 'kalshi-%';
