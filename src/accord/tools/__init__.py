"""Tools around the pipeline, apart from it: `accord bench` (tools.bench), `accord evaluate`
(tools.evaluate) and `accord extract --dask` (tools.distributed, with its Dask worker plugin
tools.dask_plugin). Nothing in the pipeline or the store imports them."""
