"""PolicyKG workspace: the settings object and the data dir (generations built beside the one in force and
swapped in atomically, one writer at a time, pinned while served), and the build pipeline that runs
corpus → ingest → kg → search into it."""
