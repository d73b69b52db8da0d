"""Appeals out: the organisation's profile, authorities, composition from facts, the review
workflow and renderings (HTML, PDF, text, Markdown, e-mail) in four languages."""
