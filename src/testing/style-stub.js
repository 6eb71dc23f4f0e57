// Style imports are nothing in unit tests.
module.exports = {};
