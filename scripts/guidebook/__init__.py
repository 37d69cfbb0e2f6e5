"""The guidebook's site pipeline: content files -> validated models -> pages, PDFs, search -> checks."""
