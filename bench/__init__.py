"""Scale benchmarks for putright: the data generator lives in putright.demo.generate."""
