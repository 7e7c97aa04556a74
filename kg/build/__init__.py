"""Building many articles: outputs, the worker pool, sinks, Dask, process tuning.

Data flows one way: :mod:`~kg.build.outputs` (one article as sorted N-Quads),
:mod:`~kg.build.pool` (articles built in order, in this process or workers),
:mod:`~kg.build.sinks` (files and the store), :mod:`~kg.build.runner` (the run
and its events), :mod:`~kg.build.dask` (the same on a Dask cluster) and
:mod:`~kg.build.tuning` (what the command line and workers set up).
"""
