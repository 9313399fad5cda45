"""Event data: the schema, the store, loaders, filters and exports."""
