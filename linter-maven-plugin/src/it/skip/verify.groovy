def log = new File(basedir, 'build.log').text
assert log.contains('chartlint: skipped')
assert !log.contains('manifest-invalid')
assert log.contains('BUILD SUCCESS')
