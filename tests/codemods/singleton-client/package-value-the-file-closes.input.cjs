const nodemailer = require('nodemailer');
const config = require('./config');

exports.forgot = function (req, res, next) {
  const transport = nodemailer.createTransport(config.mailer);
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
