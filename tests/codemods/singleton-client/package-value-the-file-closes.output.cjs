const nodemailer = require('nodemailer');
const config = require('./config');

let transport;

function getTransport() {
  return (transport ??= nodemailer.createTransport(config.mailer));
}

/** Closes the shared client on graceful shutdown; the next `getTransport()` creates a new one. */
function closeTransport() {
  transport?.close();
  transport = undefined;
}

exports.forgot = function (req, res, next) {
  const transport = getTransport();
  transport.sendMail({ to: req.body.email, subject: 'Password reset' }, (err) => (err ? next(err) : res.send('sent')));
};

exports.checkMailer = async function () {
  const transport = nodemailer.createTransport(config.mailer);
  try {
    await transport.verify();
  } finally {
    transport.close();
  }
};
module.exports.closeTransport = closeTransport;
