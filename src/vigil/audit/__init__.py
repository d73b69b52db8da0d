"""The audit trail: every write leaves a hash-chained AuditEvent; ``verify`` finds tampering."""
