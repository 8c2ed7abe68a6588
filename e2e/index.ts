// placeholder so tsc -b has an input until the e2e suite lands
