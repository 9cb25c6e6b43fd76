def log = new File(basedir, 'build.log').text
assert log.contains('chartlint: invalid config:')
assert log.contains('.chartlint.yaml:1: failOn: does not have a value in the enumeration ["error", "warning", "info", "never"]')
// A configuration mistake is the user's: no stack trace of chartlint's in the log.
assert !log.contains('at io.chartlint.')
assert !log.contains('UsageException')
