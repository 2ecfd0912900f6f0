"""Drafting the tasks of a directive from its own text (``tracker draft``).

One job per module: :mod:`reading` turns a file into lines, :mod:`cleaning` removes scanning noise,
:mod:`header` reads the document's kind, number, date, issuer and title, :mod:`sections` builds the
numbered outline, :mod:`agencies` finds agency names, :mod:`roles` decides who leads and who
coordinates, :mod:`deadlines` finds deadline phrases, :mod:`build` puts a :class:`~.model.Draft`
together and :mod:`writing` writes it in the import format. Nothing here touches the database: the
caller passes the names it knows.
"""
