<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About agencydesk</source>
        <translation>Tentang agencydesk</translation>
    </message>
    <message>
        <source>Version {version}</source>
        <translation>Versi {version}</translation>
    </message>
    <message>
        <source>A daily desk for freelancers and small web agencies who support their clients.</source>
        <translation>Meja kerja harian untuk freelancer dan agensi web kecil yang melayani klien mereka.</translation>
    </message>
    <message>
        <source>Free software under the MIT license. Copyright © 2026 the agencydesk developers.</source>
        <translation>Perangkat lunak bebas dengan lisensi MIT. Hak cipta © 2026 para pengembang agencydesk.</translation>
    </message>
    <message>
        <source>Your data folder</source>
        <translation>Folder data Anda</translation>
    </message>
    <message>
        <source>&amp;Open folder</source>
        <translation>&amp;Buka folder</translation>
    </message>
    <message>
        <source>Built with</source>
        <translation>Dibuat dengan</translation>
    </message>
    <message>
        <source>version unknown</source>
        <translation>versi tidak diketahui</translation>
    </message>
    <message>
        <source>PySide6 and Qt are used under the GNU LGPL version 3. Their libraries are separate files in the app folder, so you can replace them with your own build.</source>
        <translation>PySide6 dan Qt dipakai dengan lisensi GNU LGPL versi 3. Pustakanya berupa file terpisah di folder aplikasi, jadi Anda bisa menggantinya dengan hasil build Anda sendiri.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Tutup</translation>
    </message>
</context>
<context>
    <name>AgencyDialog</name>
    <message>
        <source>Agency profile</source>
        <translation>Profil agensi</translation>
    </message>
    <message>
        <source>Your first report: who is it from? Client reports show this at the top of the first page, so your clients know who sent it and how to reach you. Cancel writes the report without it; Settings ▸ Agency profile… changes it any time.</source>
        <translation>Laporan pertama Anda: dari siapa? Laporan klien menampilkan ini di bagian atas halaman pertama, agar klien tahu siapa pengirimnya dan cara menghubungi Anda. Batal menulis laporan tanpa ini; Pengaturan ▸ Profil agensi… bisa mengubahnya kapan saja.</translation>
    </message>
    <message>
        <source>Client reports show this at the top of the first page, so your clients know who sent it and how to reach you.</source>
        <translation>Laporan klien menampilkan ini di bagian atas halaman pertama, agar klien tahu siapa pengirimnya dan cara menghubungi Anda.</translation>
    </message>
    <message>
        <source>e.g. Budi Web Studio</source>
        <translation>mis. Budi Web Studio</translation>
    </message>
    <message>
        <source>Street, city (several lines are fine)</source>
        <translation>Jalan, kota (boleh beberapa baris)</translation>
    </message>
    <message>
        <source>+62 812 3456 7890</source>
        <translation>+62 812 3456 7890</translation>
    </message>
    <message>
        <source>e.g. halo@budiweb.id</source>
        <translation>mis. halo@budiweb.id</translation>
    </message>
    <message>
        <source>e.g. budiweb.id</source>
        <translation>mis. budiweb.id</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Pilih…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Agency name</source>
        <translation>Nama agensi</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <source>Phone / WhatsApp</source>
        <translation>Telepon / WhatsApp</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Situs web</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>Belum ada logo</translation>
    </message>
    <message>
        <source>Choose your logo</source>
        <translation>Pilih logo Anda</translation>
    </message>
    <message>
        <source>Pictures ({patterns})</source>
        <translation>Gambar ({patterns})</translation>
    </message>
    <message>
        <source>A picture of {size} KB</source>
        <translation>Gambar {size} KB</translation>
    </message>
    <message>
        <source>This does not look like a web address (budiweb.id).</source>
        <translation>Ini tidak terlihat seperti alamat web (budiweb.id).</translation>
    </message>
    <message>
        <source>This picture is too big for a logo (at most 512 KB).</source>
        <translation>Gambar ini terlalu besar untuk logo (paling besar 512 KB).</translation>
    </message>
    <message>
        <source>This is not a picture agencydesk can use as a logo.</source>
        <translation>Ini bukan gambar yang bisa dipakai agencydesk sebagai logo.</translation>
    </message>
</context>
<context>
    <name>AmountEdit</name>
    <message>
        <source>Rupiah have no decimals: type {whole} without “{decimals}”.</source>
        <translation>Rupiah tidak memakai desimal: ketik {whole} tanpa “{decimals}”.</translation>
    </message>
    <message>
        <source>Amounts in {currency} are whole numbers: type {whole} without “{decimals}”.</source>
        <translation>Jumlah dalam {currency} berupa bilangan bulat: ketik {whole} tanpa “{decimals}”.</translation>
    </message>
    <message>
        <source>“{decimal}” starts decimals here, and “{group}” separates thousands: type the amount like {example}.</source>
        <translation>Di sini “{decimal}” memulai desimal, dan “{group}” memisahkan ribuan: ketik jumlahnya seperti {example}.</translation>
    </message>
    <message>
        <source>The amount cannot be negative.</source>
        <translation>Jumlah tidak boleh negatif.</translation>
    </message>
    <message>
        <source>The amount is too large.</source>
        <translation>Jumlahnya terlalu besar.</translation>
    </message>
</context>
<context>
    <name>AssigneeBox</name>
    <message>
        <source>Assigned to</source>
        <translation>Ditangani oleh</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Belum ada</translation>
    </message>
    <message>
        <source>{name} (me)</source>
        <translation>{name} (saya)</translation>
    </message>
</context>
<context>
    <name>BillableExport</name>
    <message>
        <source>Save {name}&apos;s hours</source>
        <translation>Simpan jam kerja {name}</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>File CSV (*.csv)</translation>
    </message>
    <message>
        <source>Hours saved</source>
        <translation>Jam kerja disimpan</translation>
    </message>
    <message>
        <source>{name}&apos;s hours per month are saved: {path}</source>
        <translation>Jam kerja {name} per bulan sudah disimpan: {path}</translation>
    </message>
</context>
<context>
    <name>BusinessView</name>
    <message>
        <source>Who brought the most revenue</source>
        <translation>Yang membawa pendapatan terbanyak</translation>
    </message>
    <message>
        <source>Who brought the most clients</source>
        <translation>Yang membawa klien terbanyak</translation>
    </message>
    <message>
        <source>By generation, all cascades together</source>
        <translation>Per generasi, semua rangkaian rujukan</translation>
    </message>
</context>
<context>
    <name>Channel</name>
    <message>
        <source>WhatsApp</source>
        <translation>WhatsApp</translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Telegram</source>
        <translation>Telegram</translation>
    </message>
    <message>
        <source>LINE</source>
        <translation>LINE</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>Tatap muka</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Lainnya</translation>
    </message>
</context>
<context>
    <name>ChoosePersonDialog</name>
    <message>
        <source>Who is working at this desk?</source>
        <translation>Siapa yang bekerja di meja ini?</translation>
    </message>
    <message>
        <source>Several people can work on this team desk. Choose who you are: what you do here (replies, notes, time, tickets assigned to you) shows your name.</source>
        <translation>Beberapa orang bisa bekerja di meja tim ini. Pilih siapa Anda: apa yang Anda kerjakan di sini (balasan, catatan, waktu, tiket yang ditugaskan ke Anda) akan tampil dengan nama Anda.</translation>
    </message>
    <message>
        <source>Your name, e.g. Sari Wulandari</source>
        <translation>Nama Anda, mis. Sari Wulandari</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Lanjut</translation>
    </message>
    <message>
        <source>I am new here:</source>
        <translation>Saya baru di sini:</translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation>Nama Anda:</translation>
    </message>
</context>
<context>
    <name>ClientCredentialsView</name>
    <message>
        <source>Client logins are switched off on this computer</source>
        <translation>Login klien dinonaktifkan di komputer ini</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Periksa lagi</translation>
    </message>
    <message>
        <source>No logins for this client yet. Keep their hosting, domain and website logins here: the passwords go to your system&apos;s keyring.</source>
        <translation>Belum ada login untuk klien ini. Simpan login hosting, domain, dan situs web mereka di sini: kata sandinya disimpan di keyring sistem Anda.</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nama pengguna</translation>
    </message>
    <message>
        <source>Web address</source>
        <translation>Alamat web</translation>
    </message>
    <message>
        <source>Add login…</source>
        <translation>Tambah login…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Ubah…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Hapus…</translation>
    </message>
    <message>
        <source>Open web address</source>
        <translation>Buka alamat web</translation>
    </message>
    <message>
        <source>•••••••• (hidden)</source>
        <translation>•••••••• (tersembunyi)</translation>
    </message>
    <message>
        <source>Reveal</source>
        <translation>Tampilkan</translation>
    </message>
    <message>
        <source>Copy password</source>
        <translation>Salin kata sandi</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Kata sandi</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>The keyring set up on this computer would store passwords in a plain file (keyrings.alt), so agencydesk does not use it. Remove keyrings.alt or choose your system&apos;s keyring, then press “Check again”.</source>
        <translation>Keyring yang dipasang di komputer ini akan menyimpan kata sandi di file teks biasa (keyrings.alt), jadi agencydesk tidak memakainya. Hapus keyrings.alt atau pilih keyring sistem Anda, lalu tekan “Periksa lagi”.</translation>
    </message>
    <message>
        <source>The keyring is switched off on this computer (keyring&apos;s null backend). Switch it on again, then press “Check again”.</source>
        <translation>Keyring dimatikan di komputer ini (backend null dari keyring). Nyalakan lagi, lalu tekan “Periksa lagi”.</translation>
    </message>
    <message>
        <source>Windows has a keyring built in (the Credential Manager), but agencydesk could not reach it. Sign in to Windows with your own account; if that does not help, reinstall agencydesk.</source>
        <translation>Windows sudah punya keyring bawaan (Manajer Kredensial), tetapi agencydesk tidak dapat menjangkaunya. Masuk ke Windows dengan akun Anda sendiri; jika tidak membantu, pasang ulang agencydesk.</translation>
    </message>
    <message>
        <source>macOS has a keyring built in (the Keychain), but agencydesk could not reach it. Unlock your login keychain in Keychain Access, then press “Check again”.</source>
        <translation>macOS sudah punya keyring bawaan (Rantai Kunci), tetapi agencydesk tidak dapat menjangkaunya. Buka kunci rantai kunci login Anda di Akses Rantai Kunci, lalu tekan “Periksa lagi”.</translation>
    </message>
    <message>
        <source>agencydesk keeps client passwords only in your desktop&apos;s keyring, and none is running. Install and unlock GNOME Keyring or KWallet (the Secret Service), for example with “sudo apt install gnome-keyring”, sign out and in again, then press “Check again”. Nothing is ever saved in plain text instead.</source>
        <translation>agencydesk hanya menyimpan kata sandi klien di keyring desktop Anda, dan saat ini tidak ada yang berjalan. Pasang dan buka kunci GNOME Keyring atau KWallet (Secret Service), misalnya dengan “sudo apt install gnome-keyring”, keluar lalu masuk lagi, kemudian tekan “Periksa lagi”. Kata sandi tidak pernah disimpan sebagai teks biasa.</translation>
    </message>
    <message>
        <source>On a team desk each person&apos;s passwords stay in their own keyring ({backend}) and never go to the server.</source>
        <translation>Di meja tim, kata sandi setiap orang tetap di keyring masing-masing ({backend}) dan tidak pernah dikirim ke server.</translation>
    </message>
    <message>
        <source>Passwords are kept in your system&apos;s keyring ({backend}), never in agencydesk&apos;s database, backups or logs.</source>
        <translation>Kata sandi disimpan di keyring sistem Anda ({backend}), tidak pernah di basis data, cadangan, atau log agencydesk.</translation>
    </message>
    <message>
        <source>Delete login</source>
        <translation>Hapus login</translation>
    </message>
    <message>
        <source>Delete the login “{label}”? Its password is removed from your keyring too. This cannot be undone.</source>
        <translation>Hapus login “{label}”? Kata sandinya juga dihapus dari keyring Anda. Ini tidak bisa dibatalkan.</translation>
    </message>
    <message>
        <source>Asking the keyring…</source>
        <translation>Meminta ke keyring…</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Sembunyikan</translation>
    </message>
    <message>
        <source>Hidden again in {seconds} seconds.</source>
        <translation>Disembunyikan lagi dalam {seconds} detik.</translation>
    </message>
    <message>
        <source>Password copied. The clipboard is cleared in {seconds} seconds.</source>
        <translation>Kata sandi disalin. Papan klip dikosongkan dalam {seconds} detik.</translation>
    </message>
    <message>
        <source>The clipboard was cleared.</source>
        <translation>Papan klip sudah dikosongkan.</translation>
    </message>
    <message>
        <source>“{url}” is not a web address agencydesk opens.</source>
        <translation>“{url}” bukan alamat web yang dibuka oleh agencydesk.</translation>
    </message>
</context>
<context>
    <name>ClientDetailView</name>
    <message>
        <source>Choose a client on the left, or press Ctrl+N to add one.</source>
        <translation>Pilih klien di sebelah kiri, atau tekan Ctrl+N untuk menambah klien.</translation>
    </message>
    <message>
        <source>Handle with care</source>
        <translation>Perlu perhatian khusus</translation>
    </message>
    <message>
        <source>Came on their own</source>
        <translation>Datang sendiri</translation>
    </message>
    <message>
        <source>Phone / WhatsApp</source>
        <translation>Telepon / WhatsApp</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Situs web</translation>
    </message>
    <message>
        <source>City / island</source>
        <translation>Kota / pulau</translation>
    </message>
    <message>
        <source>Tech comfort</source>
        <translation>Melek teknologi</translation>
    </message>
    <message>
        <source>Prefers</source>
        <translation>Lebih suka</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>First contact</source>
        <translation>Kontak pertama</translation>
    </message>
    <message>
        <source>Introduced by</source>
        <translation>Dikenalkan oleh</translation>
    </message>
    <message>
        <source>Introduced</source>
        <translation>Mengenalkan</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Ubah…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Export report…</source>
        <translation>Ekspor laporan…</translation>
    </message>
    <message>
        <source>Follow up…</source>
        <translation>Tindak lanjut…</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Linimasa</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Tiket</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Pesanan</translation>
    </message>
    <message>
        <source>Logins</source>
        <translation>Login</translation>
    </message>
    <message>
        <source>Show all notes ({size})</source>
        <translation>Tampilkan semua catatan ({size})</translation>
    </message>
    <message>
        <source>Open the chat with {name} in WhatsApp</source>
        <translation>Buka chat dengan {name} di WhatsApp</translation>
    </message>
    <message>
        <source>Notes about {name}</source>
        <translation>Catatan tentang {name}</translation>
    </message>
</context>
<context>
    <name>ClientFormDialog</name>
    <message>
        <source>New client</source>
        <translation>Klien baru</translation>
    </message>
    <message>
        <source>Edit client</source>
        <translation>Ubah klien</translation>
    </message>
    <message>
        <source>e.g. Ibu Ratna Wulandari</source>
        <translation>mis. Ibu Ratna Wulandari</translation>
    </message>
    <message>
        <source>+62 812 3456 7890</source>
        <translation>+62 812 3456 7890</translation>
    </message>
    <message>
        <source>e.g. https://katering-ratna.id</source>
        <translation>mis. https://katering-ratna.id</translation>
    </message>
    <message>
        <source>e.g. Makassar, Sulawesi</source>
        <translation>mis. Makassar, Sulawesi</translation>
    </message>
    <message>
        <source>comma-separated, e.g. gentle, referrer</source>
        <translation>pisahkan dengan koma, mis. sabar, perujuk</translation>
    </message>
    <message>
        <source>e.g. Be gentle, explain step by step</source>
        <translation>mis. Bersikap lembut, jelaskan langkah demi langkah</translation>
    </message>
    <message>
        <source>Notes can hold up to {limit} characters. Keep long documents in a file and write here where it is.</source>
        <translation>Catatan paling banyak {limit} karakter. Simpan dokumen panjang di sebuah file dan tulis di sini letaknya.</translation>
    </message>
    <message>
        <source>A caution note can hold up to {limit} characters: keep it to what matters when you reply; the rest can go in the notes.</source>
        <translation>Catatan perhatian paling banyak {limit} karakter: tulis yang penting saat membalas saja; sisanya bisa masuk ke catatan.</translation>
    </message>
    <message>
        <source>Known</source>
        <translation>Diketahui</translation>
    </message>
    <message>
        <source>Nobody – came on their own</source>
        <translation>Tidak ada – datang sendiri</translation>
    </message>
    <message>
        <source>The language of their report</source>
        <translation>Bahasa laporan untuk klien ini</translation>
    </message>
    <message>
        <source>e.g. Bu Sari told me about you</source>
        <translation>mis. Bu Sari yang cerita tentang Anda</translation>
    </message>
    <message>
        <source>Name *</source>
        <translation>Nama *</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Usaha / perusahaan</translation>
    </message>
    <message>
        <source>Phone / WhatsApp</source>
        <translation>Telepon / WhatsApp</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Email</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Situs web</translation>
    </message>
    <message>
        <source>City / island</source>
        <translation>Kota / pulau</translation>
    </message>
    <message>
        <source>Tech comfort</source>
        <translation>Melek teknologi</translation>
    </message>
    <message>
        <source>Preferred channel</source>
        <translation>Saluran pilihan</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Caution note</source>
        <translation>Catatan perhatian</translation>
    </message>
    <message>
        <source>First contact</source>
        <translation>Kontak pertama</translation>
    </message>
    <message>
        <source>Introduced by</source>
        <translation>Dikenalkan oleh</translation>
    </message>
    <message>
        <source>Introduced on</source>
        <translation>Tanggal dikenalkan</translation>
    </message>
    <message>
        <source>How they were introduced</source>
        <translation>Cara dikenalkan</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>Please enter the client&apos;s name.</source>
        <translation>Mohon isi nama klien.</translation>
    </message>
    <message>
        <source>This does not look like a web address (katering-ratna.id).</source>
        <translation>Ini tidak tampak seperti alamat web (katering-ratna.id).</translation>
    </message>
    <message>
        <source>Choose a level from 1 to 5.</source>
        <translation>Pilih tingkat 1 sampai 5.</translation>
    </message>
    <message>
        <source>Choose one of the listed channels.</source>
        <translation>Pilih salah satu saluran yang tersedia.</translation>
    </message>
    <message>
        <source>Choose one of the listed languages.</source>
        <translation>Pilih salah satu bahasa yang tersedia.</translation>
    </message>
    <message>
        <source>The first contact cannot be in the future.</source>
        <translation>Kontak pertama tidak bisa di masa depan.</translation>
    </message>
    <message>
        <source>A client cannot introduce themselves.</source>
        <translation>Klien tidak bisa mengenalkan dirinya sendiri.</translation>
    </message>
    <message>
        <source>That client does not exist any more.</source>
        <translation>Klien itu sudah tidak ada.</translation>
    </message>
    <message>
        <source>That would be a loop: this client introduced them (directly or through others).</source>
        <translation>Itu akan jadi lingkaran: klien ini yang mengenalkan mereka (langsung atau lewat orang lain).</translation>
    </message>
    <message>
        <source>The introduction cannot be in the future.</source>
        <translation>Tanggal perkenalan tidak boleh di masa depan.</translation>
    </message>
    <message>
        <source>The message about this introduction is no longer there.</source>
        <translation>Pesan tentang perkenalan ini sudah tidak ada.</translation>
    </message>
</context>
<context>
    <name>ClientOrdersView</name>
    <message>
        <source>New order…</source>
        <translation>Pesanan baru…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Ubah…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Hapus…</translation>
    </message>
    <message>
        <source>No orders yet. When {name} asks what something costs, press New order to note the quote; later mark it won and paid.</source>
        <translation>Belum ada pesanan. Saat {name} menanyakan harga, tekan Pesanan baru untuk mencatat penawarannya; nanti tandai sebagai disepakati lalu lunas.</translation>
    </message>
</context>
<context>
    <name>ClientTableModel</name>
    <message>
        <source>How comfortable the client is with technology, from 1 to 5</source>
        <translation>Seberapa nyaman klien dengan teknologi, dari 1 sampai 5</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>Usaha / perusahaan</translation>
    </message>
    <message>
        <source>City / island</source>
        <translation>Kota / pulau</translation>
    </message>
    <message>
        <source>Phone / WhatsApp</source>
        <translation>Telepon / WhatsApp</translation>
    </message>
    <message>
        <source>Comfort</source>
        <translation>Melek IT</translation>
    </message>
    <message>
        <source>Prefers</source>
        <translation>Lebih suka</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Label</translation>
    </message>
</context>
<context>
    <name>ClientTicketsView</name>
    <message>
        <source>Opened</source>
        <translation>Dibuka</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Tiket</translation>
    </message>
    <message>
        <source>New ticket…</source>
        <translation>Tiket baru…</translation>
    </message>
    <message>
        <source>Export hours (CSV)…</source>
        <translation>Ekspor jam kerja (CSV)…</translation>
    </message>
    <message>
        <source>Billable and other hours per month, for a bill</source>
        <translation>Jam yang ditagih dan lainnya per bulan, untuk tagihan</translation>
    </message>
    <message>
        <source>Show older tickets…</source>
        <translation>Tampilkan tiket yang lebih lama…</translation>
    </message>
    <message>
        <source>Billable time per month:</source>
        <translation>Waktu yang ditagih per bulan:</translation>
    </message>
    <message>
        <source> (+ {time} not billable)</source>
        <translation> (+ {time} tidak ditagih)</translation>
    </message>
    <message>
        <source>No time recorded yet.</source>
        <translation>Belum ada waktu yang dicatat.</translation>
    </message>
</context>
<context>
    <name>ClientsPage</name>
    <message>
        <source>Search by name, company, phone, email, city or tag  (Ctrl+F)</source>
        <translation>Cari nama, usaha, telepon, email, kota atau label  (Ctrl+F)</translation>
    </message>
    <message>
        <source>New client…</source>
        <translation>Klien baru…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Ubah…</translation>
    </message>
    <message>
        <source>Merge with another client…</source>
        <translation>Gabungkan dengan klien lain…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Hapus…</translation>
    </message>
    <message>
        <source>No clients yet. Add the first with “New client” (Ctrl+N).</source>
        <translation>Belum ada klien. Tambahkan yang pertama dengan “Klien baru” (Ctrl+N).</translation>
    </message>
    <message>
        <source>Delete client</source>
        <translation>Hapus klien</translation>
    </message>
    <message>
        <source>Delete {name}? You can undo this with Ctrl+Z.</source>
        <translation>Hapus {name}? Anda bisa membatalkannya dengan Ctrl+Z.</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Saved meanwhile on another desk</source>
        <translation>Sudah disimpan di meja lain</translation>
    </message>
    <message>
        <source>Someone else saved this while you were editing it. Nothing is lost yet: choose, field by field, which version to keep.</source>
        <translation>Orang lain menyimpan data ini saat Anda sedang mengubahnya. Belum ada yang hilang: pilih, per kolom, versi mana yang disimpan.</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Punya saya</translation>
    </message>
    <message>
        <source>Theirs (saved now)</source>
        <translation>Punya mereka (tersimpan sekarang)</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Lanjut mengubah</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>Pakai punya saya</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>Pakai punya mereka</translation>
    </message>
    <message>
        <source>Save my choice</source>
        <translation>Simpan pilihan saya</translation>
    </message>
</context>
<context>
    <name>ConnectDialog</name>
    <message>
        <source>Connect to a team server</source>
        <translation>Hubungkan ke server tim</translation>
    </message>
    <message>
        <source>Share one desk with your team on a PostgreSQL server. Whoever runs the server gives you these (agencydesk server init prints them).</source>
        <translation>Pakai satu meja kerja bersama tim Anda di server PostgreSQL. Data di bawah ini Anda dapat dari yang mengelola server (agencydesk server init menampilkannya).</translation>
    </message>
    <message>
        <source>e.g. db.your-agency.id</source>
        <translation>mis. db.agensi-anda.id</translation>
    </message>
    <message>
        <source>kept in your keyring, never in the settings</source>
        <translation>disimpan di keyring Anda, tidak pernah di pengaturan</translation>
    </message>
    <message>
        <source>Prefer: encrypted when the server offers it</source>
        <translation>Utamakan: terenkripsi jika server mendukungnya</translation>
    </message>
    <message>
        <source>Require: always encrypted</source>
        <translation>Wajib: selalu terenkripsi</translation>
    </message>
    <message>
        <source>Verify: encrypted, and the server&apos;s certificate checked</source>
        <translation>Verifikasi: terenkripsi, dan sertifikat server diperiksa</translation>
    </message>
    <message>
        <source>Off: never encrypted (only on your own network)</source>
        <translation>Mati: tanpa enkripsi (hanya di jaringan sendiri)</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>&amp;Server:</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>&amp;Basis data:</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>&amp;Pengguna:</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>&amp;Kata sandi:</translation>
    </message>
    <message>
        <source>&amp;TLS:</source>
        <translation>&amp;TLS:</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Hubungkan</translation>
    </message>
    <message>
        <source>Please enter the server&apos;s name or address.</source>
        <translation>Isi nama atau alamat server.</translation>
    </message>
    <message>
        <source>Please enter the database&apos;s name.</source>
        <translation>Isi nama basis datanya.</translation>
    </message>
    <message>
        <source>Please enter the user name.</source>
        <translation>Isi nama penggunanya.</translation>
    </message>
    <message>
        <source>Connecting to {server}…</source>
        <translation>Menghubungkan ke {server}…</translation>
    </message>
</context>
<context>
    <name>ConnectProblems</name>
    <message>
        <source>The server {where} refused the password of {name}. Type it again, or ask whoever runs the server for the right one.</source>
        <translation>Server {where} menolak kata sandi {name}. Ketik lagi, atau minta kata sandi yang benar ke pengelola server.</translation>
    </message>
    <message>
        <source>The server {where} asks for a password. Type it here: it is then kept in your keyring.</source>
        <translation>Server {where} meminta kata sandi. Ketik di sini: setelah itu kata sandinya disimpan di keyring Anda.</translation>
    </message>
    <message>
        <source>There is no database “{name}” on {where}. Check its name; a new one is made with “createdb {name}” and prepared with “agencydesk server init”.</source>
        <translation>Tidak ada basis data “{name}” di {where}. Periksa namanya; basis data baru dibuat dengan “createdb {name}” lalu disiapkan dengan “agencydesk server init”.</translation>
    </message>
    <message>
        <source>“{name}” may not log in on {where} (a role without LOGIN, such as a group). Connect as the desks&apos; user that “agencydesk server init” made (agencydesk_desk), or ask whoever runs the server to allow it.</source>
        <translation>“{name}” tidak boleh masuk ke {where} (role tanpa LOGIN, misalnya grup). Masuk sebagai pengguna meja kerja yang dibuat oleh “agencydesk server init” (agencydesk_desk), atau minta pengelola server untuk mengizinkannya.</translation>
    </message>
    <message>
        <source>There is no user “{name}” on {where}. Check the user name; the desks&apos; user is made by “agencydesk server init” (agencydesk_desk unless it was given another name).</source>
        <translation>Tidak ada pengguna “{name}” di {where}. Periksa nama penggunanya; pengguna meja kerja dibuat oleh “agencydesk server init” (agencydesk_desk, kecuali diberi nama lain).</translation>
    </message>
    <message>
        <source>This user may not connect to that database on {where}. Ask whoever runs the server to run “agencydesk server init” on it, which lets the desks&apos; user in.</source>
        <translation>Pengguna ini tidak boleh terhubung ke basis data itu di {where}. Minta pengelola server menjalankan “agencydesk server init” di basis data itu, supaya pengguna meja kerja bisa masuk.</translation>
    </message>
    <message>
        <source>The server {where} does not offer TLS, but the TLS mode asks for it. Choose the TLS mode “Prefer” (or ask whoever runs the server to switch TLS on).</source>
        <translation>Server {where} tidak menyediakan TLS, padahal mode TLS memintanya. Pilih mode TLS “Utamakan” (atau minta pengelola server menyalakan TLS).</translation>
    </message>
    <message>
        <source>The server {where} does not let this computer in. Ask whoever runs it to allow this computer (pg_hba.conf).</source>
        <translation>Server {where} tidak mengizinkan komputer ini masuk. Minta pengelolanya mengizinkan komputer ini (pg_hba.conf).</translation>
    </message>
    <message>
        <source>The server {where} does not let this computer in without TLS. Choose the TLS mode “Require”; otherwise ask whoever runs it to allow this computer (pg_hba.conf).</source>
        <translation>Server {where} tidak mengizinkan komputer ini masuk tanpa TLS. Pilih mode TLS “Wajib”; kalau tetap gagal, minta pengelolanya mengizinkan komputer ini (pg_hba.conf).</translation>
    </message>
    <message>
        <source>The TLS certificate of {where} could not be verified ({words}). Choose the TLS mode “Require”, or install the server&apos;s certificate authority.</source>
        <translation>Sertifikat TLS {where} tidak dapat diverifikasi ({words}). Pilih mode TLS “Wajib”, atau pasang otoritas sertifikat server tersebut.</translation>
    </message>
    <message>
        <source>The server name “{name}” is not known. Check how it is written, and that this computer is on the network.</source>
        <translation>Nama server “{name}” tidak dikenal. Periksa penulisannya, dan pastikan komputer ini terhubung ke jaringan.</translation>
    </message>
    <message>
        <source>The server {where} does not answer. Check the server&apos;s name and port, that PostgreSQL runs there, and that no firewall is in between; then try again.</source>
        <translation>Server {where} tidak menjawab. Periksa nama server dan port-nya, bahwa PostgreSQL berjalan di sana, dan tidak ada firewall yang menghalangi; lalu coba lagi.</translation>
    </message>
    <message>
        <source>The server {where} is full (too many connections). Try again in a moment.</source>
        <translation>Server {where} sedang penuh (terlalu banyak koneksi). Coba lagi sebentar lagi.</translation>
    </message>
    <message>
        <source>The server {where} could not be reached ({words}).</source>
        <translation>Server {where} tidak dapat dijangkau ({words}).</translation>
    </message>
    <message>
        <source>This user may not use the desk&apos;s tables in that database ({words}). Ask whoever runs the server to run “agencydesk server init” on it, which gives the desks&apos; user its rights.</source>
        <translation>Pengguna ini tidak boleh memakai tabel desk di database itu ({words}). Minta pengelola server menjalankan “agencydesk server init” di sana, yang memberi pengguna desk haknya.</translation>
    </message>
</context>
<context>
    <name>ConversationPane</name>
    <message>
        <source>Internal note</source>
        <translation>Catatan internal</translation>
    </message>
    <message>
        <source>Show earlier messages ({count} more)</source>
        <translation>Tampilkan pesan sebelumnya ({count} lagi)</translation>
    </message>
</context>
<context>
    <name>CoreSentences</name>
    <message>
        <source>This database was written by a newer version of agencydesk (schema {schema}). Please update agencydesk to open it.</source>
        <translation>Basis data ini ditulis oleh agencydesk versi yang lebih baru (skema {schema}). Perbarui agencydesk untuk membukanya.</translation>
    </message>
    <message>
        <source>The server database {database} is not prepared for agencydesk yet, and {user} may read and write a desk but not change its tables. Whoever runs the server does this once, as the database&apos;s owner: agencydesk server init postgresql+psycopg://OWNER@HOST/{database}; then connect again.</source>
        <translation>Basis data server {database} belum disiapkan untuk agencydesk, dan {user} boleh membaca dan menulis meja kerja tetapi tidak boleh mengubah tabelnya. Pengelola server melakukannya sekali, sebagai pemilik basis data: agencydesk server init postgresql+psycopg://OWNER@HOST/{database}; lalu hubungkan lagi.</translation>
    </message>
    <message>
        <source>The server database {database} needs an upgrade to this version of agencydesk (schema {schema} to {head}), and {user} may read and write a desk but not change its tables. Whoever runs the server does this once, as the database&apos;s owner: agencydesk server init postgresql+psycopg://OWNER@HOST/{database}; then connect again.</source>
        <translation>Basis data server {database} perlu ditingkatkan ke versi agencydesk ini (skema {schema} ke {head}), dan {user} boleh membaca dan menulis meja kerja tetapi tidak boleh mengubah tabelnya. Pengelola server melakukannya sekali, sebagai pemilik basis data: agencydesk server init postgresql+psycopg://OWNER@HOST/{database}; lalu hubungkan lagi.</translation>
    </message>
    <message>
        <source>The server database {database} already holds a desk (rows in {held}); agencydesk moves a desk only into an empty database, so nothing was copied. Create a new database (createdb …) and prepare it with agencydesk server init, or export this one first (agencydesk server export) if it should be kept.</source>
        <translation>Basis data server {database} sudah berisi meja kerja (baris di {held}); agencydesk hanya memindahkan meja kerja ke basis data yang kosong, jadi tidak ada yang disalin. Buat basis data baru (createdb …) lalu siapkan dengan agencydesk server init, atau ekspor dulu yang ini (agencydesk server export) bila perlu disimpan.</translation>
    </message>
    <message>
        <source>The server database {database} is not an agencydesk desk: it holds another program&apos;s tables ({held}). agencydesk leaves it as it is. Give the address of a desk, or of an empty database made for one (createdb …).</source>
        <translation>Database server {database} bukan desk agencydesk: isinya tabel program lain ({held}). agencydesk membiarkannya apa adanya. Berikan alamat sebuah desk, atau database kosong yang dibuat untuknya (createdb …).</translation>
    </message>
    <message>
        <source>{path} cannot be read: {why}. Let your user read and write it (its permissions), or open a copy you can read.</source>
        <translation>{path} tidak dapat dibaca: {why}. Izinkan pengguna Anda membaca dan menulisnya (izin aksesnya), atau buka salinan yang bisa Anda baca.</translation>
    </message>
    <message>
        <source>{path} is a folder, not a database file. Give the file itself, such as {example}.</source>
        <translation>{path} adalah folder, bukan file basis data. Berikan filenya sendiri, misalnya {example}.</translation>
    </message>
    <message>
        <source>{path} cannot be written: {why}. Nothing was changed. Copy it to a folder you can write to and open that copy (agencydesk --db COPY).</source>
        <translation>{path} tidak dapat ditulis: {why}. Tidak ada yang diubah. Salin ke folder yang bisa Anda tulisi, lalu buka salinan itu (agencydesk --db SALINAN).</translation>
    </message>
    <message>
        <source>{path} needs an upgrade to this version of agencydesk, but it cannot be written: {why}. Copy it to a folder you can write to and open that copy.</source>
        <translation>{path} perlu diperbarui ke versi agencydesk ini, tetapi tidak dapat ditulis: {why}. Salin ke folder yang bisa Anda tulisi, lalu buka salinan itu.</translation>
    </message>
    <message>
        <source>{path} is not an agencydesk database (it is not a database file at all). agencydesk leaves it as it is; choose another file.</source>
        <translation>{path} bukan basis data agencydesk (file ini bukan basis data sama sekali). agencydesk membiarkannya apa adanya. Pilih file lain.</translation>
    </message>
    <message>
        <source>{path} is not an agencydesk database: it holds another program&apos;s tables. agencydesk leaves it as it is; choose another file.</source>
        <translation>{path} bukan basis data agencydesk: file ini berisi tabel milik program lain. agencydesk membiarkannya apa adanya. Pilih file lain.</translation>
    </message>
    <message>
        <source>{path} could not be written: {why}. Nothing was saved; free some space or choose another folder.</source>
        <translation>{path} tidak dapat ditulis: {why}. Tidak ada yang disimpan; kosongkan sedikit ruang atau pilih folder lain.</translation>
    </message>
    <message>
        <source>The database is busy: another agencydesk is writing to it. Try again in a moment.</source>
        <translation>Basis data sedang sibuk: agencydesk lain sedang menulis ke dalamnya. Coba lagi sebentar lagi.</translation>
    </message>
    <message>
        <source>The disk is full: nothing was saved. Free some space on the disk that holds the database (old exports, downloads, the trash), then try again.</source>
        <translation>Disk penuh: tidak ada yang disimpan. Kosongkan sebagian ruang di disk tempat basis data berada (ekspor lama, unduhan, tempat sampah), lalu coba lagi.</translation>
    </message>
    <message>
        <source>The database cannot be written: its file or folder is read-only (a read-only disk, or permissions). Nothing was saved. Copy it to a folder you can write to and open that copy (agencydesk --db COPY).</source>
        <translation>Basis data tidak dapat ditulis: file atau foldernya hanya-baca (disk hanya-baca, atau izin akses). Tidak ada yang disimpan. Salin ke folder yang bisa Anda tulisi, lalu buka salinan itu (agencydesk --db SALINAN).</translation>
    </message>
    <message>
        <source>The database is damaged (SQLite cannot read it). Nothing was saved. Restore a backup from the backups folder beside it (File ▸ Restore from backup…), or copy the newest one over it with agencydesk closed.</source>
        <translation>Basis data rusak (SQLite tidak dapat membacanya). Tidak ada yang disimpan. Pulihkan cadangan dari folder cadangan di sebelahnya (File ▸ Pulihkan dari cadangan…), atau salin cadangan terbaru untuk menimpanya saat agencydesk ditutup.</translation>
    </message>
    <message>
        <source>{path} is damaged: it is cut off or overwritten (SQLite says: {sqlite}). Restore the newest good backup: copy {backup} over it with agencydesk closed (or File ▸ Restore from backup…).</source>
        <translation>{path} rusak: terpotong atau tertimpa (kata SQLite: {sqlite}). Pulihkan cadangan baik yang terbaru: salin {backup} untuk menimpanya saat agencydesk ditutup (atau File ▸ Pulihkan dari cadangan…).</translation>
    </message>
    <message>
        <source>{path} is damaged: it is cut off or overwritten (SQLite says: {sqlite}). There is no good backup of it in {folder}: keep the damaged file, and copy out what you still can (a report, the chats you imported).</source>
        <translation>{path} rusak: terpotong atau tertimpa (kata SQLite: {sqlite}). Tidak ada cadangan yang baik di {folder}: simpan file yang rusak itu, dan ambil apa yang masih bisa diambil (laporan, obrolan yang Anda impor).</translation>
    </message>
    <message>
        <source>The database {path} is damaged (SQLite&apos;s check says: {problem}). Restore the newest good backup, {name} (File ▸ Restore from backup…, or copy {backup} over {path} with agencydesk closed).</source>
        <translation>Basis data {path} rusak (kata pemeriksaan SQLite: {problem}). Pulihkan cadangan baik yang terbaru, {name} (File ▸ Pulihkan dari cadangan…, atau salin {backup} untuk menimpa {path} saat agencydesk ditutup).</translation>
    </message>
    <message>
        <source>The database {path} is damaged (SQLite&apos;s check says: {problem}). Its copy is kept apart as {apart}. Restore the newest good backup, {name} (File ▸ Restore from backup…, or copy {backup} over {path} with agencydesk closed).</source>
        <translation>Basis data {path} rusak (kata pemeriksaan SQLite: {problem}). Salinannya disimpan terpisah sebagai {apart}. Pulihkan cadangan baik yang terbaru, {name} (File ▸ Pulihkan dari cadangan…, atau salin {backup} untuk menimpa {path} saat agencydesk ditutup).</translation>
    </message>
    <message>
        <source>The database {path} is damaged (SQLite&apos;s check says: {problem}). There is no good backup to restore: copy out what you still can (a report, the chats you imported) and keep the damaged file.</source>
        <translation>Basis data {path} rusak (kata pemeriksaan SQLite: {problem}). Tidak ada cadangan yang baik untuk dipulihkan: ambil apa yang masih bisa diambil (laporan, obrolan yang Anda impor) dan simpan file yang rusak itu.</translation>
    </message>
    <message>
        <source>The database {path} is damaged (SQLite&apos;s check says: {problem}). Its copy is kept apart as {apart}. There is no good backup to restore: copy out what you still can (a report, the chats you imported) and keep the damaged file.</source>
        <translation>Basis data {path} rusak (kata pemeriksaan SQLite: {problem}). Salinannya disimpan terpisah sebagai {apart}. Tidak ada cadangan yang baik untuk dipulihkan: ambil apa yang masih bisa diambil (laporan, obrolan yang Anda impor) dan simpan file yang rusak itu.</translation>
    </message>
    <message>
        <source>Upgrading the database {database} to this version of agencydesk failed ({error}); it was left exactly as it was (an upgrade is all or nothing). Keep using the previous version of agencydesk with it, and send the log to the developers.</source>
        <translation>Gagal memperbarui basis data {database} ke versi agencydesk ini ({error}); basis data dibiarkan persis seperti semula (pembaruan terjadi seluruhnya atau tidak sama sekali). Tetap gunakan versi agencydesk sebelumnya untuk basis data ini, dan kirim log-nya kepada pengembang.</translation>
    </message>
    <message>
        <source>Upgrading the database {database} to this version of agencydesk failed ({error}); it was left exactly as it was (an upgrade is all or nothing). A backup made just before is {backup}. Keep using the previous version of agencydesk with it, and send the log to the developers.</source>
        <translation>Gagal memperbarui basis data {database} ke versi agencydesk ini ({error}); basis data dibiarkan persis seperti semula (pembaruan terjadi seluruhnya atau tidak sama sekali). Cadangan yang dibuat tepat sebelumnya: {backup}. Tetap gunakan versi agencydesk sebelumnya untuk basis data ini, dan kirim log-nya kepada pengembang.</translation>
    </message>
    <message>
        <source>That client no longer exists. It may have been deleted.</source>
        <translation>Klien itu sudah tidak ada. Mungkin sudah dihapus.</translation>
    </message>
    <message>
        <source>That ticket no longer exists. It may have been deleted.</source>
        <translation>Tiket itu sudah tidak ada. Mungkin sudah dihapus.</translation>
    </message>
    <message>
        <source>The list changed while you were choosing: a ticket was opened, closed or changed meanwhile. None was deleted; look at the list again and choose once more.</source>
        <translation>Daftarnya berubah selagi Anda memilih: ada tiket yang dibuka, ditutup, atau diubah sementara itu. Tidak ada yang dihapus; lihat daftarnya lagi dan pilih sekali lagi.</translation>
    </message>
    <message>
        <source>The list changed while you were choosing: a ticket was opened, closed or changed meanwhile. No status was changed; look at the list again and choose once more.</source>
        <translation>Daftarnya berubah selagi Anda memilih: ada tiket yang dibuka, ditutup, atau diubah sementara itu. Tidak ada status yang diubah; lihat daftarnya lagi dan pilih sekali lagi.</translation>
    </message>
    <message>
        <source>That order no longer exists. It may have been deleted.</source>
        <translation>Pesanan itu sudah tidak ada. Mungkin sudah dihapus.</translation>
    </message>
    <message>
        <source>That guide no longer exists. It may have been deleted.</source>
        <translation>Panduan itu sudah tidak ada. Mungkin sudah dihapus.</translation>
    </message>
    <message>
        <source>That login no longer exists. It may have been deleted.</source>
        <translation>Login itu sudah tidak ada. Mungkin sudah dihapus.</translation>
    </message>
    <message>
        <source>That receipt no longer exists.</source>
        <translation>Kuitansi itu sudah tidak ada.</translation>
    </message>
    <message>
        <source>That saved reply no longer exists. It may have been deleted.</source>
        <translation>Balasan tersimpan itu sudah tidak ada. Mungkin sudah dihapus.</translation>
    </message>
    <message>
        <source>That follow-up no longer exists. It may have been deleted.</source>
        <translation>Tindak lanjut itu sudah tidak ada. Mungkin sudah dihapus.</translation>
    </message>
    <message>
        <source>That time entry no longer exists. It may have been deleted.</source>
        <translation>Catatan waktu itu sudah tidak ada. Mungkin sudah dihapus.</translation>
    </message>
    <message>
        <source>Its client, {name}, is in the trash too: restore the client first.</source>
        <translation>Kliennya, {name}, juga ada di tempat sampah: pulihkan kliennya dulu.</translation>
    </message>
    <message>
        <source>The password for “{label}” is not in the keyring any more (it may have been removed there, or this database came from another computer). Edit the login and type the password again.</source>
        <translation>Kata sandi untuk “{label}” sudah tidak ada di keyring (mungkin sudah dihapus di sana, atau basis data ini berasal dari komputer lain). Ubah login itu dan ketik kata sandinya lagi.</translation>
    </message>
    <message>
        <source>Could not make a backup in {folder}: {why}. Nothing was changed. Free some space on its disk, or make {folder} a folder you may write to, then try again.</source>
        <translation>Tidak dapat membuat cadangan di {folder}: {why}. Tidak ada yang diubah. Kosongkan sebagian ruang di disknya, atau jadikan {folder} folder yang bisa Anda tulisi, lalu coba lagi.</translation>
    </message>
    <message>
        <source>Could not make a backup in {folder}: too many backups this second.</source>
        <translation>Tidak dapat membuat cadangan di {folder}: terlalu banyak cadangan dalam detik ini.</translation>
    </message>
    <message>
        <source>{name} is not an agencydesk backup ({why}).</source>
        <translation>{name} bukan cadangan agencydesk ({why}).</translation>
    </message>
    <message>
        <source>{name} is damaged or is not an agencydesk backup.</source>
        <translation>{name} rusak atau bukan cadangan agencydesk.</translation>
    </message>
    <message>
        <source>{name} was made by a newer version of agencydesk (schema {schema}); nothing was restored. Update agencydesk, then restore it.</source>
        <translation>{name} dibuat oleh agencydesk versi yang lebih baru (skema {schema}); tidak ada yang dipulihkan. Perbarui agencydesk, lalu pulihkan lagi.</translation>
    </message>
    <message>
        <source>This database already has clients. Demo data only goes into an empty database, so nothing of yours gets mixed up with it.</source>
        <translation>Basis data ini sudah berisi klien. Data demo hanya dimasukkan ke basis data yang kosong, agar tidak tercampur dengan data Anda.</translation>
    </message>
    <message>
        <source>That follow-up was marked done meanwhile.</source>
        <translation>Tindak lanjut itu sudah ditandai selesai sementara itu.</translation>
    </message>
    <message>
        <source>Stop the timer first: its minutes are still counting.</source>
        <translation>Hentikan timer dulu: menitnya masih berjalan.</translation>
    </message>
    <message>
        <source>Its ticket was deleted meanwhile: the time entry cannot come back.</source>
        <translation>Tiketnya sudah dihapus sementara itu: catatan waktu ini tidak bisa dikembalikan.</translation>
    </message>
    <message>
        <source>The server could not be reached, so nothing was saved. What you typed is still in the form: save again once the server is back.</source>
        <translation>Server tidak dapat dijangkau, jadi tidak ada yang disimpan. Yang Anda ketik masih ada di formulir: simpan lagi setelah server kembali.</translation>
    </message>
    <message>
        <source>A client cannot be merged with themselves: choose another client.</source>
        <translation>Klien tidak bisa digabung dengan dirinya sendiri: pilih klien lain.</translation>
    </message>
    <message>
        <source>The messages were saved, but their media files could not be moved to “{folder}” ({why}); they are in “{staging}”.</source>
        <translation>Pesan-pesannya sudah disimpan, tetapi file medianya tidak dapat dipindahkan ke “{folder}” ({why}); file-file itu ada di “{staging}”.</translation>
    </message>
    <message>
        <source>The media files could not be stored in “{folder}” ({why}). Nothing was saved. Free some space on the disk or check the folder&apos;s permissions, then try again.</source>
        <translation>File media tidak dapat disimpan di “{folder}” ({why}). Tidak ada yang disimpan. Kosongkan sebagian ruang di disk atau periksa izin akses foldernya, lalu coba lagi.</translation>
    </message>
    <message>
        <source>{problem}. Nothing was saved.</source>
        <translation>{problem}. Tidak ada yang disimpan.</translation>
    </message>
    <message>
        <source>That ticket does not exist (any more) or belongs to another client.</source>
        <translation>Tiket itu sudah tidak ada atau milik klien lain.</translation>
    </message>
    <message>
        <source>Some of these messages were saved while this import ran, so nothing was saved. Import the chat again: only what is still new is added.</source>
        <translation>Sebagian pesan ini tersimpan saat impor ini berjalan, jadi tidak ada yang disimpan. Impor chat ini lagi: hanya yang masih baru yang ditambahkan.</translation>
    </message>
    <message>
        <source>Another desk imported or changed these messages while this import ran, so nothing was saved. Import the chat again: only what is still new is added.</source>
        <translation>Meja kerja lain mengimpor atau mengubah pesan-pesan ini saat impor ini berjalan, jadi tidak ada yang disimpan. Impor chat ini lagi: hanya yang masih baru yang ditambahkan.</translation>
    </message>
    <message>
        <source>The connection to the server was lost during the import, so nothing was saved. Import the chat again once the server can be reached.</source>
        <translation>Koneksi ke server terputus selama impor, jadi tidak ada yang disimpan. Impor chat ini lagi setelah server bisa dijangkau.</translation>
    </message>
    <message>
        <source>That ticket does not belong to this client.</source>
        <translation>Tiket itu bukan milik klien ini.</translation>
    </message>
    <message>
        <source>That order does not belong to this client.</source>
        <translation>Pesanan itu bukan milik klien ini.</translation>
    </message>
    <message>
        <source>{path} cannot be made: {blocking} is a file, not a folder. Give a database file in a folder.</source>
        <translation>{path} tidak dapat dibuat: {blocking} adalah file, bukan folder. Berikan file basis data yang ada di dalam folder.</translation>
    </message>
    <message>
        <source>There is no client #{number} in the trash.</source>
        <translation>Tidak ada klien #{number} di tempat sampah.</translation>
    </message>
    <message>
        <source>There is no ticket #{number} in the trash.</source>
        <translation>Tidak ada tiket #{number} di tempat sampah.</translation>
    </message>
    <message>
        <source>There is no guide #{number} in the trash.</source>
        <translation>Tidak ada panduan #{number} di tempat sampah.</translation>
    </message>
    <message>
        <source>There is no order #{number} in the trash.</source>
        <translation>Tidak ada pesanan #{number} di tempat sampah.</translation>
    </message>
    <message>
        <source>The report cannot be written to {folder}.</source>
        <translation>Laporan tidak dapat ditulis ke {folder}.</translation>
    </message>
    <message>
        <source>The receipt cannot be written to {folder}.</source>
        <translation>Kuitansi tidak dapat ditulis ke {folder}.</translation>
    </message>
    <message>
        <source>{server} holds no desk yet: there is nothing to export.</source>
        <translation>{server} belum berisi meja kerja: tidak ada yang bisa diekspor.</translation>
    </message>
    <message>
        <source>{server} has an older schema ({schema}) than this agencydesk ({head}). Upgrade it first with agencydesk server init (as the database&apos;s owner), then export.</source>
        <translation>{server} memakai skema yang lebih lama ({schema}) daripada agencydesk ini ({head}). Perbarui dulu dengan agencydesk server init (sebagai pemilik basis data), lalu ekspor.</translation>
    </message>
    <message>
        <source>{path} is there already; choose a new file name (it is not overwritten).</source>
        <translation>{path} sudah ada; pilih nama file baru (file yang ada tidak ditimpa).</translation>
    </message>
    <message>
        <source>There is no folder {folder} to write the snapshot into.</source>
        <translation>Tidak ada folder {folder} untuk menulis snapshot.</translation>
    </message>
    <message>
        <source>The snapshot cannot be written in {folder}: {why}. Nothing was written; choose a folder you may write to.</source>
        <translation>Snapshot tidak dapat ditulis di {folder}: {why}. Tidak ada yang ditulis; pilih folder yang bisa Anda tulisi.</translation>
    </message>
    <message>
        <source>The snapshot of {server} has rows naming rows that are not there ({count}); it was not written. Send the log to the developers.</source>
        <translation>Snapshot {server} berisi baris yang merujuk ke baris yang tidak ada ({count}); snapshot tidak ditulis. Kirim log-nya kepada pengembang.</translation>
    </message>
    <message>
        <source>The disk that holds {folder} is full: the snapshot was not written. Free some space on it, or choose a folder on another disk.</source>
        <translation>Disk tempat {folder} berada sudah penuh: snapshot tidak ditulis. Kosongkan sebagian ruang di disk itu, atau pilih folder di disk lain.</translation>
    </message>
    <message>
        <source>{path} is not an agencydesk snapshot (no desk in it).</source>
        <translation>{path} bukan snapshot agencydesk (tidak ada meja kerja di dalamnya).</translation>
    </message>
    <message>
        <source>{path} was written by another version of agencydesk (schema {schema}). Open it once in the solo app (agencydesk --db FILE), which brings it up to date, then restore it.</source>
        <translation>{path} ditulis oleh agencydesk versi lain (skema {schema}). Buka sekali di aplikasi solo (agencydesk --db FILE) agar diperbarui, lalu pulihkan.</translation>
    </message>
    <message>
        <source>A row of {table} cannot be stored on the server: {problem}. Nothing was copied; correct that row in the solo desk and try again.</source>
        <translation>Sebuah baris di tabel {table} tidak dapat disimpan di server: {problem}. Tidak ada yang disalin; perbaiki baris itu di meja kerja solo, lalu coba lagi.</translation>
    </message>
    <message>
        <source>A row of {table} ({columns} {key}) cannot be stored on the server: {problem}. Nothing was copied; correct that row in the solo desk and try again.</source>
        <translation>Sebuah baris di tabel {table} ({columns} {key}) tidak dapat disimpan di server: {problem}. Tidak ada yang disalin; perbaiki baris itu di meja kerja solo, lalu coba lagi.</translation>
    </message>
    <message>
        <source>A row of {table} (row {line} in {columns} order) cannot be stored on the server: {problem}. Nothing was copied; correct that row in the solo desk and try again.</source>
        <translation>Baris ke-{line} di tabel {table} (menurut urutan {columns}) tidak dapat disimpan di server: {problem}. Tidak ada yang disalin; perbaiki baris itu di meja kerja solo, lalu coba lagi.</translation>
    </message>
    <message>
        <source>The copy of {table} has {copied} rows where the desk has {rows}; nothing was copied.</source>
        <translation>Salinan tabel {table} berisi {copied} baris, padahal di meja kerja ada {rows}; tidak ada yang disalin.</translation>
    </message>
    <message>
        <source>The copy of {table} differs from the desk (same {rows} rows, other contents); nothing was copied. Send the log to the developers.</source>
        <translation>Salinan tabel {table} berbeda dari meja kerja (sama-sama {rows} baris, tetapi isinya lain); tidak ada yang disalin. Kirim log-nya kepada pengembang.</translation>
    </message>
</context>
<context>
    <name>CredentialFormDialog</name>
    <message>
        <source>New login</source>
        <translation>Login baru</translation>
    </message>
    <message>
        <source>Edit login</source>
        <translation>Ubah login</translation>
    </message>
    <message>
        <source>e.g. cPanel, WordPress admin, domain registrar</source>
        <translation>mis. cPanel, admin WordPress, registrar domain</translation>
    </message>
    <message>
        <source>e.g. https://katering-ratna.id/wp-admin</source>
        <translation>mis. https://katering-ratna.id/wp-admin</translation>
    </message>
    <message>
        <source>the user name or email to log in with</source>
        <translation>nama pengguna atau email untuk masuk</translation>
    </message>
    <message>
        <source>unchanged; type a new one to replace it</source>
        <translation>biarkan kosong agar tetap sama</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Tampilkan</translation>
    </message>
    <message>
        <source>Not secret: e.g. who pays the hosting, when the domain renews</source>
        <translation>Bukan rahasia: mis. siapa yang membayar hosting, kapan domain diperpanjang</translation>
    </message>
    <message>
        <source>Label *</source>
        <translation>Label *</translation>
    </message>
    <message>
        <source>Web address</source>
        <translation>Alamat web</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Nama pengguna</translation>
    </message>
    <message>
        <source>Password *</source>
        <translation>Kata sandi *</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Kata sandi</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>The password is kept in your system&apos;s keyring, never in agencydesk&apos;s database or backups.</source>
        <translation>Kata sandi disimpan di keyring sistem Anda, tidak pernah di basis data atau cadangan agencydesk.</translation>
    </message>
    <message>
        <source>Please give the login a label (e.g. cPanel).</source>
        <translation>Beri login ini label (mis. cPanel).</translation>
    </message>
    <message>
        <source>This client already has a login with this label.</source>
        <translation>Klien ini sudah punya login dengan label ini.</translation>
    </message>
    <message>
        <source>Please enter the password.</source>
        <translation>Masukkan kata sandinya.</translation>
    </message>
    <message>
        <source>Saving… (your keyring may ask for its password)</source>
        <translation>Menyimpan… (keyring Anda mungkin meminta kata sandinya)</translation>
    </message>
</context>
<context>
    <name>DeskOpener</name>
    <message>
        <source>Connecting to {server}…</source>
        <translation>Menghubungkan ke {server}…</translation>
    </message>
    <message>
        <source>Opening {file}…</source>
        <translation>Membuka {file}…</translation>
    </message>
    <message>
        <source>Today&apos;s backup is saved.</source>
        <translation>Cadangan hari ini sudah disimpan.</translation>
    </message>
    <message>
        <source>Welcome to agencydesk</source>
        <translation>Selamat datang di agencydesk</translation>
    </message>
    <message>
        <source>Your desk is empty. Would you like to look around with demo clients first?

They tell the story of Bu Ratna, who had to be taught to chat online and then sent us her friends. You can delete demo clients like any others.</source>
        <translation>Meja kerja Anda masih kosong. Mau melihat-lihat dulu dengan klien contoh?

Mereka menceritakan kisah Bu Ratna, yang perlu diajari dulu cara chatting online lalu mengenalkan teman-temannya kepada kita. Klien contoh bisa dihapus seperti klien lain.</translation>
    </message>
    <message>
        <source>Load demo clients</source>
        <translation>Muat klien contoh</translation>
    </message>
    <message>
        <source>Demo clients go only into an empty desk, so that nothing of yours gets mixed up with them, and this desk already has clients (deleted ones count too). To look around with them, open a new desk: agencydesk --db demo.sqlite3</source>
        <translation>Klien contoh hanya dimasukkan ke meja kerja yang kosong, supaya tidak tercampur dengan data Anda, dan meja kerja ini sudah berisi klien (yang sudah dihapus juga dihitung). Untuk mencoba dengan klien contoh, buka meja kerja baru: agencydesk --db contoh.sqlite3</translation>
    </message>
    <message>
        <source>Adding demo clients…</source>
        <translation>Menambahkan klien contoh…</translation>
    </message>
    <message>
        <source>Added {count} demo clients.</source>
        <translation>{count} klien contoh ditambahkan.</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>Mencadangkan…</translation>
    </message>
    <message>
        <source>Backed up to {file}.</source>
        <translation>Dicadangkan ke {file}.</translation>
    </message>
    <message>
        <source>Restoring {file}…</source>
        <translation>Memulihkan {file}…</translation>
    </message>
    <message>
        <source>Restored. Your previous data was backed up first.</source>
        <translation>Sudah dipulihkan. Data Anda sebelumnya dicadangkan dulu.</translation>
    </message>
</context>
<context>
    <name>DeskPerson</name>
    <message>
        <source>agencydesk — {desk}</source>
        <translation>agencydesk — {desk}</translation>
    </message>
    <message>
        <source>agencydesk — {desk} — {person}</source>
        <translation>agencydesk — {desk} — {person}</translation>
    </message>
    <message>
        <source>That name is on this desk already: choose it in the list above.</source>
        <translation>Nama itu sudah ada di meja ini: pilih saja di daftar di atas.</translation>
    </message>
    <message>
        <source>Please use a shorter name (80 characters at most).</source>
        <translation>Gunakan nama yang lebih pendek (paling banyak 80 karakter).</translation>
    </message>
    <message>
        <source>Choose yourself in the list, or type your name.</source>
        <translation>Pilih diri Anda di daftar, atau ketik nama Anda.</translation>
    </message>
</context>
<context>
    <name>Duration</name>
    <message>
        <source>{h} h {m} min</source>
        <translation>{h} jam {m} menit</translation>
    </message>
    <message>
        <source>{m} min</source>
        <translation>{m} menit</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} menit</translation>
    </message>
    <message>
        <source>{n} months</source>
        <translation>{n} bulan</translation>
    </message>
    <message>
        <source>{n} years</source>
        <translation>{n} tahun</translation>
    </message>
    <message>
        <source>{n} h</source>
        <translation>{n} jam</translation>
    </message>
    <message>
        <source>{n} days</source>
        <translation>{n} hari</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation>Terjadi kesalahan</translation>
    </message>
    <message>
        <source>agencydesk hit a problem it did not expect. Your data is safe: nothing was half-saved. If it happens again, please send the details to the developers.</source>
        <translation>agencydesk mengalami masalah yang tidak terduga. Data Anda aman: tidak ada yang tersimpan setengah jalan. Jika terjadi lagi, mohon kirim rinciannya kepada pengembang.</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Salin rincian</translation>
    </message>
    <message>
        <source>Show details</source>
        <translation>Tampilkan rincian</translation>
    </message>
    <message>
        <source>Hide details</source>
        <translation>Sembunyikan rincian</translation>
    </message>
</context>
<context>
    <name>FieldErrors</name>
    <message>
        <source>This is too long.</source>
        <translation>Isian ini terlalu panjang.</translation>
    </message>
    <message>
        <source>This does not look like an email address (name@example.com).</source>
        <translation>Ini tidak tampak seperti alamat email (nama@contoh.com).</translation>
    </message>
    <message>
        <source>A phone number has digits and may start with + (e.g. +62 812 3456 7890).</source>
        <translation>Nomor telepon berisi angka dan boleh diawali + (mis. +62 812 3456 7890).</translation>
    </message>
</context>
<context>
    <name>FiguresStrip</name>
    <message>
        <source>their own orders</source>
        <translation>pesanannya sendiri</translation>
    </message>
    <message>
        <source>clients brought</source>
        <translation>klien dibawa</translation>
    </message>
    <message>
        <source>of revenue came by referral</source>
        <translation>pendapatan datang lewat rujukan</translation>
    </message>
    <message>
        <source>clients came by referral</source>
        <translation>klien datang lewat rujukan</translation>
    </message>
    <message>
        <source>{name}&apos;s own paid orders: {own}</source>
        <translation>Pesanan {name} sendiri yang sudah dibayar: {own}</translation>
    </message>
    <message>
        <source>Paid orders from everyone they brought: {brought}</source>
        <translation>Pesanan yang sudah dibayar dari semua yang dibawanya: {brought}</translation>
    </message>
    <message>
        <source>{count} clients in {generations} generations</source>
        <translation>{count} klien dalam {generations} generasi</translation>
    </message>
    <message>
        <source>Clients someone introduced paid {referred} of your {total}</source>
        <translation>Klien yang dikenalkan orang lain membayar {referred} dari total {total}</translation>
    </message>
    <message>
        <source>No paid orders yet.</source>
        <translation>Belum ada pesanan yang dibayar.</translation>
    </message>
    <message>
        <source>{referred} of {count} clients came through someone</source>
        <translation>{referred} dari {count} klien datang lewat kenalan</translation>
    </message>
    <message>
        <source>K = {k} new clients per client</source>
        <translation>K = {k} klien baru per klien</translation>
    </message>
    <message>
        <source>About {days} day between generations</source>
        <translation>Sekitar {days} hari antargenerasi</translation>
    </message>
    <message>
        <source>About {days} days between generations</source>
        <translation>Sekitar {days} hari antargenerasi</translation>
    </message>
    <message>
        <source>Not counted above, paid in other currencies: {amounts}</source>
        <translation>Tidak dihitung di atas, dibayar dalam mata uang lain: {amounts}</translation>
    </message>
</context>
<context>
    <name>FilePage</name>
    <message>
        <source>Choose the chat export</source>
        <translation>Pilih file ekspor chat</translation>
    </message>
    <message>
        <source>WhatsApp, Telegram, LINE, Messenger/Instagram and CSV exports can be read.</source>
        <translation>Ekspor WhatsApp, Telegram, LINE, Messenger/Instagram dan CSV bisa dibaca.</translation>
    </message>
    <message>
        <source>The exported .txt, .zip, .json or .csv file</source>
        <translation>File .txt, .zip, .json atau .csv hasil ekspor</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Telusuri…</translation>
    </message>
    <message>
        <source>…or drop the export here, from your file manager or your downloads.</source>
        <translation>…atau seret file ekspornya ke sini, dari pengelola file atau folder unduhan Anda.</translation>
    </message>
    <message>
        <source>How to export a chat</source>
        <translation>Cara mengekspor chat</translation>
    </message>
    <message>
        <source>• WhatsApp on Android: open the chat, ⋮ ▸ More ▸ Export chat.</source>
        <translation>• WhatsApp di Android: buka chat, ⋮ ▸ Lainnya ▸ Ekspor chat.</translation>
    </message>
    <message>
        <source>• WhatsApp on iPhone: open the chat, tap its name ▸ Export Chat.</source>
        <translation>• WhatsApp di iPhone: buka chat, ketuk namanya ▸ Ekspor Chat.</translation>
    </message>
    <message>
        <source>• Telegram Desktop: open the chat, ⋮ ▸ Export chat history (JSON).</source>
        <translation>• Telegram Desktop: buka chat, ⋮ ▸ Ekspor riwayat chat (JSON).</translation>
    </message>
    <message>
        <source>• LINE: open the chat, ≡ ▸ Settings ▸ Export chat history.</source>
        <translation>• LINE: buka chat, ≡ ▸ Pengaturan ▸ Ekspor riwayat chat.</translation>
    </message>
    <message>
        <source>• Messenger and Instagram: Accounts Center ▸ Your information and permissions ▸ Download your information (JSON).</source>
        <translation>• Messenger dan Instagram: Pusat Akun ▸ Informasi dan izin Anda ▸ Unduh informasi Anda (JSON).</translation>
    </message>
    <message>
        <source>Send the file to yourself (email, Drive), then save it on this computer.</source>
        <translation>Kirim file-nya ke diri sendiri (email, Drive), lalu simpan di komputer ini.</translation>
    </message>
    <message>
        <source>Chat exports (*.txt *.zip *.json *.csv);;All files (*)</source>
        <translation>Ekspor chat (*.txt *.zip *.json *.csv);;Semua file (*)</translation>
    </message>
</context>
<context>
    <name>FollowUp</name>
    <message>
        <source>Tomorrow</source>
        <translation>Besok</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>Kamis</translation>
    </message>
    <message>
        <source>Next Monday</source>
        <translation>Senin depan</translation>
    </message>
</context>
<context>
    <name>FollowUpDialog</name>
    <message>
        <source>Follow up</source>
        <translation>Tindak lanjut</translation>
    </message>
    <message>
        <source>Why? e.g. ask for the second payment</source>
        <translation>Kenapa? mis. tagih pembayaran kedua</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Tentang</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Kapan</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>Until then it stays off Today; then it comes back on top, with your note.</source>
        <translation>Sampai saat itu tidak tampil di Hari ini; lalu muncul lagi paling atas, dengan catatan Anda.</translation>
    </message>
    <message>
        <source>Remind me</source>
        <translation>Ingatkan saya</translation>
    </message>
</context>
<context>
    <name>FollowUpsCard</name>
    <message>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Nanti</translation>
    </message>
    <message>
        <source>Follow up now ({count})</source>
        <translation>Tindak lanjuti sekarang ({count})</translation>
    </message>
    <message>
        <source>due {when}</source>
        <translation>jatuh tempo {when}</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Discard changes?</source>
        <translation>Buang perubahan?</translation>
    </message>
    <message>
        <source>You changed this form. Close it and lose those changes?</source>
        <translation>Anda mengubah formulir ini. Tutup dan buang perubahan itu?</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Buang</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Lanjut mengedit</translation>
    </message>
</context>
<context>
    <name>GenerationsTable</name>
    <message>
        <source>Generation</source>
        <translation>Generasi</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Klien</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Pesanan</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Pendapatan</translation>
    </message>
    <message>
        <source>New clients per client</source>
        <translation>Klien baru per klien</translation>
    </message>
    <message>
        <source>Days to their referrals</source>
        <translation>Hari sampai rujukannya memesan</translation>
    </message>
    <message>
        <source>Came on their own</source>
        <translation>Datang sendiri</translation>
    </message>
</context>
<context>
    <name>GuideEditorDialog</name>
    <message>
        <source>New guide</source>
        <translation>Panduan baru</translation>
    </message>
    <message>
        <source>Edit guide</source>
        <translation>Ubah panduan</translation>
    </message>
    <message>
        <source>e.g. How to log in to your WordPress dashboard</source>
        <translation>mis. Cara masuk ke dasbor WordPress</translation>
    </message>
    <message>
        <source>Very gentle: tiny steps and no jargon, for clients who need every step</source>
        <translation>Sangat pelan: langkah-langkah kecil tanpa istilah teknis, untuk klien yang perlu dijelaskan setiap langkahnya</translation>
    </message>
    <message>
        <source>None – this is an original guide</source>
        <translation>Tidak ada – ini panduan asli</translation>
    </message>
    <message>
        <source>comma-separated, e.g. wordpress, login</source>
        <translation>dipisah koma, mis. wordpress, login</translation>
    </message>
    <message>
        <source>Write the guide in plain words, one step per line:

Hello {first_name},

1. Open {site_url}/wp-admin
1. Type your user name and password
1. Click **Log In**</source>
        <translation>Tulis panduan dengan kata-kata sederhana, satu langkah per baris:

Halo {first_name},

1. Buka {site_url}/wp-admin
1. Ketik nama pengguna dan kata sandi Anda
1. Klik **Log Masuk**</translation>
    </message>
    <message>
        <source>The guide appears here as you type.</source>
        <translation>Panduan muncul di sini saat Anda mengetik.</translation>
    </message>
    <message>
        <source>Insert picture…</source>
        <translation>Sisipkan gambar…</translation>
    </message>
    <message>
        <source>Insert placeholder</source>
        <translation>Sisipkan isian otomatis</translation>
    </message>
    <message>
        <source>**bold**   *italic*   1. steps   - points   # heading</source>
        <translation>**tebal**   *miring*   1. langkah   - poin   # judul</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Tingkat</translation>
    </message>
    <message>
        <source>Title *</source>
        <translation>Judul *</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <source>Gentle version of</source>
        <translation>Versi pelan dari</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Text (Markdown)</source>
        <translation>Teks (Markdown)</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Pratinjau</translation>
    </message>
    <message>
        <source>how you greet the client, e.g. Bu Ratna</source>
        <translation>sapaan untuk klien, mis. Bu Ratna</translation>
    </message>
    <message>
        <source>first name, e.g. Ratna</source>
        <translation>nama depan, mis. Ratna</translation>
    </message>
    <message>
        <source>full name, e.g. Ibu Ratna Wulandari</source>
        <translation>nama lengkap, mis. Ibu Ratna Wulandari</translation>
    </message>
    <message>
        <source>the client&apos;s company</source>
        <translation>usaha atau perusahaan klien</translation>
    </message>
    <message>
        <source>the client&apos;s website</source>
        <translation>website klien</translation>
    </message>
    <message>
        <source>your name</source>
        <translation>nama Anda</translation>
    </message>
    <message>
        <source>today&apos;s date</source>
        <translation>tanggal hari ini</translation>
    </message>
    <message>
        <source>Insert picture</source>
        <translation>Sisipkan gambar</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg *.gif *.webp)</source>
        <translation>Gambar (*.png *.jpg *.jpeg *.gif *.webp)</translation>
    </message>
    <message>
        <source>Please choose a PNG, JPEG, GIF or WebP picture.</source>
        <translation>Mohon pilih gambar PNG, JPEG, GIF, atau WebP.</translation>
    </message>
    <message>
        <source>This picture is larger than 5 MB. Please choose a smaller one.</source>
        <translation>Gambar ini lebih dari 5 MB. Mohon pilih yang lebih kecil.</translation>
    </message>
    <message>
        <source>Please give the guide a title.</source>
        <translation>Mohon beri judul untuk panduan ini.</translation>
    </message>
    <message>
        <source>Choose Bahasa Indonesia or English.</source>
        <translation>Pilih Bahasa Indonesia atau Bahasa Inggris.</translation>
    </message>
    <message>
        <source>Choose one of the listed levels.</source>
        <translation>Pilih salah satu tingkat yang tersedia.</translation>
    </message>
    <message>
        <source>A guide cannot be a gentle version of itself.</source>
        <translation>Panduan tidak bisa menjadi versi pelan dari dirinya sendiri.</translation>
    </message>
    <message>
        <source>That guide does not exist any more.</source>
        <translation>Panduan itu sudah tidak ada.</translation>
    </message>
    <message>
        <source>That guide is itself a gentle version: choose its original.</source>
        <translation>Panduan itu sendiri adalah versi pelan: pilih panduan aslinya.</translation>
    </message>
    <message>
        <source>Other guides are gentle versions of this one, so it cannot be one itself.</source>
        <translation>Ada panduan lain yang menjadi versi pelan dari panduan ini, jadi panduan ini tidak bisa menjadi versi pelan.</translation>
    </message>
    <message>
        <source>A picture name is not usable. Please insert it again.</source>
        <translation>Nama gambar tidak bisa dipakai. Mohon sisipkan gambarnya lagi.</translation>
    </message>
    <message>
        <source>This guide already has a picture with that name.</source>
        <translation>Panduan ini sudah punya gambar dengan nama itu.</translation>
    </message>
    <message>
        <source>The picture file is empty.</source>
        <translation>File gambar kosong.</translation>
    </message>
</context>
<context>
    <name>GuideLabels</name>
    <message>
        <source>Bahasa Indonesia</source>
        <translation>Bahasa Indonesia</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Bahasa Inggris</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Biasa</translation>
    </message>
    <message>
        <source>Very gentle</source>
        <translation>Sangat pelan</translation>
    </message>
</context>
<context>
    <name>GuidePreview</name>
    <message>
        <source>Picture not found: {name}</source>
        <translation>Gambar tidak ditemukan: {name}</translation>
    </message>
</context>
<context>
    <name>GuideTableModel</name>
    <message>
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Tingkat</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Terkirim</translation>
    </message>
    <message>
        <source>How many times the guide was sent to a client</source>
        <translation>Berapa kali panduan ini sudah dikirim ke klien</translation>
    </message>
</context>
<context>
    <name>GuidesPage</name>
    <message>
        <source>Search guides by title, text or tag</source>
        <translation>Cari panduan menurut judul, isi, atau label</translation>
    </message>
    <message>
        <source>All languages</source>
        <translation>Semua bahasa</translation>
    </message>
    <message>
        <source>New guide…</source>
        <translation>Panduan baru…</translation>
    </message>
    <message>
        <source>Saved replies…</source>
        <translation>Balasan tersimpan…</translation>
    </message>
    <message>
        <source>Short replies you type in a ticket&apos;s reply box with / and their name</source>
        <translation>Balasan singkat yang Anda ketik di kotak balasan tiket dengan / dan namanya</translation>
    </message>
    <message>
        <source>No guides yet. Write your first how-to with “New guide”: explained once, sent to every client who asks.</source>
        <translation>Belum ada panduan. Tulis panduan pertama Anda dengan “Panduan baru”: dijelaskan sekali, dikirim ke setiap klien yang bertanya.</translation>
    </message>
    <message>
        <source>No guide chosen. Write your first how-to with “New guide”.</source>
        <translation>Belum ada panduan yang dipilih. Tulis panduan pertama Anda dengan “Panduan baru”.</translation>
    </message>
    <message>
        <source>Who received it</source>
        <translation>Siapa yang sudah menerima</translation>
    </message>
    <message>
        <source>Not sent to anyone yet.</source>
        <translation>Belum dikirim ke siapa pun.</translation>
    </message>
    <message>
        <source>Send to client…</source>
        <translation>Kirim ke klien…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Ubah…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Very gentle version:</source>
        <translation>Versi sangat pelan:</translation>
    </message>
    <message>
        <source>Gentle version of:</source>
        <translation>Versi pelan dari:</translation>
    </message>
    <message>
        <source>Delete guide</source>
        <translation>Hapus panduan</translation>
    </message>
    <message>
        <source>Delete the guide “{name}”? You can undo this with Ctrl+Z.</source>
        <translation>Hapus panduan “{name}”? Anda bisa membatalkannya dengan Ctrl+Z.</translation>
    </message>
</context>
<context>
    <name>ImportPage</name>
    <message>
        <source>Importing…</source>
        <translation>Mengimpor…</translation>
    </message>
    <message>
        <source>Nothing is saved until every message is in; Cancel saves nothing.</source>
        <translation>Tidak ada yang disimpan sebelum semua pesan masuk; Batal tidak menyimpan apa pun.</translation>
    </message>
    <message>
        <source>Cancel import</source>
        <translation>Batalkan impor</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Coba lagi</translation>
    </message>
    <message>
        <source>Adding the messages to the history…</source>
        <translation>Menambahkan pesan ke riwayat…</translation>
    </message>
    <message>
        <source>Saving… It is too late to cancel now.</source>
        <translation>Menyimpan… Sudah terlambat untuk membatalkan.</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Membatalkan…</translation>
    </message>
    <message>
        <source>Making the messages searchable…</source>
        <translation>Menyiapkan pencarian pesan…</translation>
    </message>
    <message>
        <source>Copying the photos and files out of the export…</source>
        <translation>Menyalin foto dan file dari ekspor…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Menyimpan…</translation>
    </message>
    <message>
        <source>Cancelled. Nothing was saved.</source>
        <translation>Dibatalkan. Tidak ada yang disimpan.</translation>
    </message>
    <message>
        <source>{problem} Nothing was saved.</source>
        <translation>{problem} Tidak ada yang disimpan.</translation>
    </message>
    <message>
        <source>The import failed. Nothing was saved.</source>
        <translation>Impor gagal. Tidak ada yang disimpan.</translation>
    </message>
</context>
<context>
    <name>ImportProblem</name>
    <message>
        <source>The file is damaged or not a complete zip file, so it cannot be opened. Export the chat from WhatsApp again (or copy the file again: a copy may have been cut off).</source>
        <translation>File ini rusak atau bukan file zip yang utuh, jadi tidak bisa dibuka. Ekspor lagi chat dari WhatsApp (atau salin ulang file-nya: salinan bisa saja terpotong).</translation>
    </message>
    <message>
        <source>The zip file holds no chat export (a WhatsApp chat .txt such as “_chat.txt”).</source>
        <translation>File zip ini tidak berisi ekspor chat (file .txt chat WhatsApp seperti “_chat.txt”).</translation>
    </message>
    <message>
        <source>The file does not look like a chat export agencydesk can read (WhatsApp, Telegram, LINE, Messenger/Instagram or CSV).</source>
        <translation>File ini tidak tampak seperti ekspor chat yang bisa dibaca agencydesk (WhatsApp, Telegram, LINE, Messenger/Instagram atau CSV).</translation>
    </message>
    <message>
        <source>The file does not exist (any more).</source>
        <translation>File ini tidak ada (lagi).</translation>
    </message>
    <message>
        <source>This is a folder, not a file.</source>
        <translation>Ini folder, bukan file.</translation>
    </message>
    <message>
        <source>The file cannot be opened: you may not read it.</source>
        <translation>File ini tidak bisa dibuka: Anda tidak punya izin untuk membacanya.</translation>
    </message>
    <message>
        <source>The file cannot be read ({why}).</source>
        <translation>File ini tidak bisa dibaca ({why}).</translation>
    </message>
    <message>
        <source>The file is too large to be a chat export.</source>
        <translation>File ini terlalu besar untuk sebuah ekspor chat.</translation>
    </message>
    <message>
        <source>The file is too large to be a chat export (more than {megabytes} MB).</source>
        <translation>File ini terlalu besar untuk sebuah ekspor chat (lebih dari {megabytes} MB).</translation>
    </message>
    <message>
        <source>The file is too large to be read into this computer&apos;s memory.</source>
        <translation>File ini terlalu besar untuk dibaca ke dalam memori komputer ini.</translation>
    </message>
    <message>
        <source>The file could not be read because of an unexpected problem; it may be damaged. Export the chat again and choose the new file.</source>
        <translation>File ini tidak bisa dibaca karena masalah yang tidak terduga; mungkin file-nya rusak. Ekspor lagi chat-nya, lalu pilih file yang baru.</translation>
    </message>
    <message>
        <source>The file was not given as text.</source>
        <translation>File ini tidak diberikan sebagai teks.</translation>
    </message>
    <message>
        <source>The file was not given as bytes.</source>
        <translation>File ini tidak diberikan sebagai data mentah (byte).</translation>
    </message>
    <message>
        <source>The date order {order} is unknown; use one of {orders}.</source>
        <translation>Urutan tanggal {order} tidak dikenal; gunakan salah satu dari {orders}.</translation>
    </message>
    <message>
        <source>The file is not a chat export: it holds binary data (a picture, a document or a program).</source>
        <translation>File ini bukan ekspor chat: isinya data biner (gambar, dokumen, atau program).</translation>
    </message>
    <message>
        <source>The file is a PDF document, not a chat export.</source>
        <translation>File ini dokumen PDF, bukan ekspor chat.</translation>
    </message>
    <message>
        <source>The file is JSON, but not a chat export agencydesk can read.</source>
        <translation>File ini JSON, tetapi bukan ekspor chat yang bisa dibaca agencydesk.</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>File ini kosong.</translation>
    </message>
    <message>
        <source>The file does not look like a chat export agencydesk can read: it holds no complete message.</source>
        <translation>File ini tidak tampak seperti ekspor chat yang bisa dibaca agencydesk: tidak ada satu pun pesan yang utuh di dalamnya.</translation>
    </message>
    <message>
        <source>The file is not valid JSON (line {line}, column {column}: {reason}); the export may be damaged or cut off.</source>
        <translation>File ini bukan JSON yang valid (baris {line}, kolom {column}: {reason}); ekspornya mungkin rusak atau terpotong.</translation>
    </message>
    <message>
        <source>The file is not a chat export: its JSON is nested too deeply.</source>
        <translation>File ini bukan ekspor chat: JSON-nya bertingkat terlalu dalam.</translation>
    </message>
    <message>
        <source>The file is not a chat export: its JSON holds a number too long to read.</source>
        <translation>File ini bukan ekspor chat: JSON-nya memuat angka yang terlalu panjang untuk dibaca.</translation>
    </message>
    <message>
        <source>The file holds an impossible time ({seconds}).</source>
        <translation>File ini memuat waktu yang mustahil ({seconds}).</translation>
    </message>
    <message>
        <source>The file is not a Telegram export.</source>
        <translation>File ini bukan ekspor Telegram.</translation>
    </message>
    <message>
        <source>The file is a Telegram export without a list of messages.</source>
        <translation>File ini ekspor Telegram, tetapi tanpa daftar pesan.</translation>
    </message>
    <message>
        <source>The file is a Telegram export without any messages.</source>
        <translation>File ini ekspor Telegram, tetapi tidak berisi satu pesan pun.</translation>
    </message>
    <message>
        <source>Message {id} of the file has no date that can be read.</source>
        <translation>Tanggal pesan {id} di file ini tidak bisa dibaca.</translation>
    </message>
    <message>
        <source>The file is not a Messenger or Instagram export.</source>
        <translation>File ini bukan ekspor Messenger atau Instagram.</translation>
    </message>
    <message>
        <source>A message of the file has no time that can be read.</source>
        <translation>Ada pesan di file ini yang waktunya tidak bisa dibaca.</translation>
    </message>
    <message>
        <source>The zip file holds several chat .txt files: unzip it and choose one of them.</source>
        <translation>File zip ini berisi beberapa file chat .txt: ekstrak zip-nya, lalu pilih salah satunya.</translation>
    </message>
    <message>
        <source>The zip file holds too many files ({count}).</source>
        <translation>File zip ini berisi terlalu banyak file ({count}).</translation>
    </message>
    <message>
        <source>The zip file holds a file with an unsafe name (“{entry}”), so it was not opened.</source>
        <translation>File zip ini berisi file dengan nama yang tidak aman (“{entry}”), jadi zip-nya tidak dibuka.</translation>
    </message>
    <message>
        <source>The file “{entry}” in the zip is too large.</source>
        <translation>File “{entry}” di dalam zip terlalu besar.</translation>
    </message>
    <message>
        <source>The file “{entry}” in the zip is too large ({megabytes} MB).</source>
        <translation>File “{entry}” di dalam zip terlalu besar ({megabytes} MB).</translation>
    </message>
    <message>
        <source>The file “{entry}” in the zip would unpack to suspiciously much, so the zip was not opened.</source>
        <translation>File “{entry}” di dalam zip akan membengkak secara mencurigakan saat diekstrak, jadi zip-nya tidak dibuka.</translation>
    </message>
    <message>
        <source>The zip file would unpack to more than 4 GB.</source>
        <translation>Isi file zip ini akan lebih dari 4 GB setelah diekstrak.</translation>
    </message>
    <message>
        <source>The zip file holds a media file with an unsafe name (“{name}”).</source>
        <translation>File zip ini berisi file media dengan nama yang tidak aman (“{name}”).</translation>
    </message>
    <message>
        <source>The media file “{name}” in the zip is too large.</source>
        <translation>File media “{name}” di dalam zip terlalu besar.</translation>
    </message>
    <message>
        <source>The zip file could not be unpacked: writing its media files failed ({why}). Free some space on the disk or check the folder&apos;s permissions, then import again.</source>
        <translation>File zip ini tidak bisa diekstrak: file medianya gagal ditulis ({why}). Kosongkan sebagian ruang di disk atau periksa izin folder-nya, lalu impor lagi.</translation>
    </message>
    <message>
        <source>The zip file is damaged: the media file “{name}” in it cannot be unpacked. Export the chat again with media (or copy the zip again: a copy may have been cut off).</source>
        <translation>File zip ini rusak: file media “{name}” di dalamnya tidak bisa diekstrak. Ekspor lagi chat-nya beserta media (atau salin ulang zip-nya: salinan bisa saja terpotong).</translation>
    </message>
    <message>
        <source>The zip file is damaged: its media files cannot be unpacked. Export the chat again with media (or copy the zip again: a copy may have been cut off).</source>
        <translation>File zip ini rusak: file media di dalamnya tidak bisa diekstrak. Ekspor lagi chat-nya beserta media (atau salin ulang zip-nya: salinan bisa saja terpotong).</translation>
    </message>
    <message>
        <source>The file is not a CSV table with a row of column names.</source>
        <translation>File ini bukan tabel CSV dengan baris nama kolom.</translation>
    </message>
    <message>
        <source>The column mapping names an unknown field (“{field}”); use {fields}.</source>
        <translation>Pemetaan kolom menyebut bidang yang tidak dikenal (“{field}”); gunakan {fields}.</translation>
    </message>
    <message>
        <source>The table has no column named “{column}” (its columns: {columns}).</source>
        <translation>Tabel ini tidak punya kolom bernama “{column}” (kolomnya: {columns}).</translation>
    </message>
    <message>
        <source>The file is a CSV table, but its columns could not be matched to date, sender and text (its columns: {columns}). Name them date, sender and text in the first row, then choose the file again.</source>
        <translation>File ini tabel CSV, tetapi kolomnya tidak bisa dicocokkan dengan tanggal, pengirim dan teks (kolomnya: {columns}). Beri nama kolom di baris pertama: tanggal, pengirim dan pesan, lalu pilih file-nya lagi.</translation>
    </message>
    <message>
        <source>The file is not a valid CSV table: a quoted cell never ends (line {line}). Save it again from the spreadsheet as CSV.</source>
        <translation>File ini bukan tabel CSV yang valid: ada sel bertanda kutip yang tidak pernah ditutup (baris {line}). Simpan ulang sebagai CSV dari spreadsheet-nya.</translation>
    </message>
    <message>
        <source>The file is not a valid CSV table: line {line} cannot be read. Save it again from the spreadsheet as CSV.</source>
        <translation>File ini bukan tabel CSV yang valid: baris {line} tidak bisa dibaca. Simpan ulang sebagai CSV dari spreadsheet-nya.</translation>
    </message>
    <message>
        <source>The file is a CSV table without any rows.</source>
        <translation>File ini tabel CSV, tetapi tidak berisi satu baris pun.</translation>
    </message>
    <message>
        <source>The date on line {line} cannot be read: “{date}”.</source>
        <translation>Tanggal di baris {line} tidak bisa dibaca: “{date}”.</translation>
    </message>
    <message>
        <source>The file has an impossible date on line {line}.</source>
        <translation>File ini memuat tanggal yang mustahil di baris {line}.</translation>
    </message>
    <message>
        <source>The file has an unexpected date: “{date}”.</source>
        <translation>File ini memuat tanggal yang tidak terduga: “{date}”.</translation>
    </message>
    <message>
        <source>The dates in this file are written with the year last, not year/month/day: choose another date order.</source>
        <translation>Tanggal di file ini ditulis dengan tahun di belakang, bukan tahun/bulan/hari: pilih urutan tanggal yang lain.</translation>
    </message>
    <message>
        <source>Most dates in this file are impossible when read as {order}: choose another date order.</source>
        <translation>Sebagian besar tanggal di file ini mustahil jika dibaca sebagai {order}: pilih urutan tanggal yang lain.</translation>
    </message>
    <message>
        <source>the file ends before its data does</source>
        <translation>file berakhir sebelum datanya lengkap</translation>
    </message>
    <message>
        <source>a value is missing</source>
        <translation>ada nilai yang hilang</translation>
    </message>
    <message>
        <source>a comma is missing</source>
        <translation>ada koma yang hilang</translation>
    </message>
    <message>
        <source>a colon is missing</source>
        <translation>ada titik dua yang hilang</translation>
    </message>
    <message>
        <source>a name in double quotes is missing</source>
        <translation>ada nama dalam tanda kutip ganda yang hilang</translation>
    </message>
    <message>
        <source>a text in quotes does not end</source>
        <translation>ada teks dalam tanda kutip yang tidak ditutup</translation>
    </message>
    <message>
        <source>a control character inside a text</source>
        <translation>ada karakter kontrol di dalam teks</translation>
    </message>
    <message>
        <source>a backslash escape that is not valid</source>
        <translation>ada escape garis miring terbalik yang tidak valid</translation>
    </message>
    <message>
        <source>more follows after the end of the data</source>
        <translation>masih ada isi setelah akhir data</translation>
    </message>
    <message>
        <source>a comma before the end</source>
        <translation>ada koma sebelum penutup</translation>
    </message>
    <message>
        <source>day/month/year</source>
        <translation>hari/bulan/tahun</translation>
    </message>
    <message>
        <source>month/day/year</source>
        <translation>bulan/hari/tahun</translation>
    </message>
    <message>
        <source>year/month/day</source>
        <translation>tahun/bulan/hari</translation>
    </message>
    <message>
        <source>it cannot be read from there on</source>
        <translation>mulai dari situ isinya tidak bisa dibaca</translation>
    </message>
    <message>
        <source> (line {line})</source>
        <translation> (baris {line})</translation>
    </message>
    <message>
        <source> (in “{member}” inside the zip)</source>
        <translation> (di “{member}” di dalam zip)</translation>
    </message>
    <message>
        <source>The file {problem}{where}.</source>
        <translation>File ini: {problem}{where}.</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import chat</source>
        <translation>Impor chat</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Impor</translation>
    </message>
</context>
<context>
    <name>ListController</name>
    <message>
        <source>Nothing to show.</source>
        <translation>Tidak ada yang ditampilkan.</translation>
    </message>
    <message>
        <source>Nothing matches the search or the filters.</source>
        <translation>Tidak ada yang cocok dengan pencarian atau filter.</translation>
    </message>
</context>
<context>
    <name>LiveStatus</name>
    <message>
        <source>Server unreachable — reconnecting</source>
        <translation>Server tidak bisa dihubungi — menyambung lagi</translation>
    </message>
    <message>
        <source>Connected again; the desk is up to date.</source>
        <translation>Tersambung lagi; semua data sudah terbaru.</translation>
    </message>
</context>
<context>
    <name>LoginsHere</name>
    <message>
        <source>On this computer</source>
        <translation>Di komputer ini</translation>
    </message>
    <message>
        <source>On another computer</source>
        <translation>Di komputer lain</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>agencydesk</source>
        <translation>agencydesk</translation>
    </message>
    <message>
        <source>Opening your desk…</source>
        <translation>Membuka meja kerja Anda…</translation>
    </message>
    <message>
        <source>agencydesk — {desk}</source>
        <translation>agencydesk — {desk}</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hari ini</translation>
    </message>
    <message>
        <source>Clients</source>
        <translation>Klien</translation>
    </message>
    <message>
        <source>Tickets</source>
        <translation>Tiket</translation>
    </message>
    <message>
        <source>Guides</source>
        <translation>Panduan</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Pesanan</translation>
    </message>
    <message>
        <source>Referrals</source>
        <translation>Rujukan</translation>
    </message>
    <message>
        <source>The list of keyring entries could not be written: {why}</source>
        <translation>Daftar entri keyring tidak dapat ditulis: {why}</translation>
    </message>
    <message>
        <source>The trash could not be emptied of old things: {why}</source>
        <translation>Tempat sampah tidak bisa dikosongkan dari hal-hal lama: {why}</translation>
    </message>
    <message>
        <source>The database could not be opened.</source>
        <translation>Basis data tidak bisa dibuka.</translation>
    </message>
    <message>
        <source>{shown} of {total} clients match</source>
        <translation>{shown} dari {total} klien cocok</translation>
    </message>
    <message>
        <source>1 client</source>
        <translation>1 klien</translation>
    </message>
    <message>
        <source>{count} clients</source>
        <translation>{count} klien</translation>
    </message>
</context>
<context>
    <name>MappingPage</name>
    <message>
        <source>Who is who?</source>
        <translation>Siapa adalah siapa?</translation>
    </message>
    <message>
        <source>Tell agencydesk which sender is you and which are your clients.</source>
        <translation>Beri tahu agencydesk pengirim mana Anda dan mana klien Anda.</translation>
    </message>
    <message>
        <source>Add to the history of:</source>
        <translation>Tambahkan ke riwayat:</translation>
    </message>
    <message>
        <source>None of these messages are mine</source>
        <translation>Tidak ada pesan saya di sini</translation>
    </message>
    <message>
        <source>Which sender is you? Choose “Me” for your name, or tick “None of these messages are mine”: otherwise your replies would be saved as the client’s.</source>
        <translation>Pengirim mana yang Anda? Pilih “Saya” untuk nama Anda, atau centang “Tidak ada pesan saya di sini”: jika tidak, balasan Anda akan disimpan sebagai pesan klien.</translation>
    </message>
    <message>
        <source>Senders in this chat:</source>
        <translation>Pengirim di chat ini:</translation>
    </message>
    <message>
        <source>The busiest client in the chat</source>
        <translation>Klien yang paling banyak menulis di chat</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>Saya</translation>
    </message>
    <message>
        <source>New client “{name}”</source>
        <translation>Klien baru “{name}”</translation>
    </message>
    <message>
        <source>{name} (1 message)</source>
        <translation>{name} (1 pesan)</translation>
    </message>
    <message>
        <source>{name} ({count} messages)</source>
        <translation>{name} ({count} pesan)</translation>
    </message>
</context>
<context>
    <name>MergeClientsDialog</name>
    <message>
        <source>Merge clients</source>
        <translation>Gabungkan klien</translation>
    </message>
    <message>
        <source>Merge {name} (#{id}) with</source>
        <translation>Gabungkan {name} (#{id}) dengan</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Pertahankan</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Gabungkan</translation>
    </message>
    <message>
        <source>There is no other client to merge with.</source>
        <translation>Tidak ada klien lain untuk digabungkan.</translation>
    </message>
    <message>
        <source>1 ticket</source>
        <translation>1 tiket</translation>
    </message>
    <message>
        <source>{n} tickets</source>
        <translation>{n} tiket</translation>
    </message>
    <message>
        <source>1 message</source>
        <translation>1 pesan</translation>
    </message>
    <message>
        <source>{n} messages</source>
        <translation>{n} pesan</translation>
    </message>
    <message>
        <source>1 order</source>
        <translation>1 pesanan</translation>
    </message>
    <message>
        <source>{n} orders</source>
        <translation>{n} pesanan</translation>
    </message>
    <message>
        <source>1 login</source>
        <translation>1 login</translation>
    </message>
    <message>
        <source>{n} logins</source>
        <translation>{n} login</translation>
    </message>
    <message>
        <source>1 guide sent</source>
        <translation>1 panduan terkirim</translation>
    </message>
    <message>
        <source>{n} guides sent</source>
        <translation>{n} panduan terkirim</translation>
    </message>
    <message>
        <source>1 client they introduced</source>
        <translation>1 klien yang dikenalkannya</translation>
    </message>
    <message>
        <source>{n} clients they introduced</source>
        <translation>{n} klien yang dikenalkannya</translation>
    </message>
    <message>
        <source>{kept} (#{kept_id}) stays. What {kept} lacks (phone, email, notes, …) is filled in from {other} (#{other_id}), then {other} (#{other_id}) is removed.</source>
        <translation>{kept} (#{kept_id}) dipertahankan. Yang belum ada pada {kept} (telepon, email, catatan, …) diisi dari {other} (#{other_id}), lalu {other} (#{other_id}) dihapus.</translation>
    </message>
    <message>
        <source>Moved to {kept}: {moved}.</source>
        <translation>Dipindahkan ke {kept}: {moved}.</translation>
    </message>
    <message>
        <source>This cannot be undone.</source>
        <translation>Ini tidak bisa dibatalkan.</translation>
    </message>
    <message>
        <source>same phone number</source>
        <translation>nomor telepon sama</translation>
    </message>
    <message>
        <source>nearly the same name</source>
        <translation>namanya hampir sama</translation>
    </message>
    <message>
        <source>Already in your desk?</source>
        <translation>Sudah ada di meja kerja Anda?</translation>
    </message>
    <message>
        <source>This client may already be in your desk:
{clients}</source>
        <translation>Klien ini mungkin sudah ada di meja kerja Anda:
{clients}</translation>
    </message>
    <message>
        <source>Merge them into one client, or save a second client anyway?</source>
        <translation>Gabungkan menjadi satu klien, atau tetap simpan sebagai klien kedua?</translation>
    </message>
    <message>
        <source>Merge with {name}…</source>
        <translation>Gabungkan dengan {name}…</translation>
    </message>
    <message>
        <source>Save anyway</source>
        <translation>Tetap simpan</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>Lanjut mengedit</translation>
    </message>
</context>
<context>
    <name>MessageNote</name>
    <message>
        <source>message deleted</source>
        <translation>pesan dihapus</translation>
    </message>
    <message>
        <source>photo not in the export</source>
        <translation>foto tidak ada di ekspor</translation>
    </message>
    <message>
        <source>video not in the export</source>
        <translation>video tidak ada di ekspor</translation>
    </message>
    <message>
        <source>voice message not in the export</source>
        <translation>pesan suara tidak ada di ekspor</translation>
    </message>
    <message>
        <source>sticker not in the export</source>
        <translation>stiker tidak ada di ekspor</translation>
    </message>
    <message>
        <source>document not in the export</source>
        <translation>dokumen tidak ada di ekspor</translation>
    </message>
    <message>
        <source>picture or file not in the export</source>
        <translation>gambar atau file tidak ada di ekspor</translation>
    </message>
</context>
<context>
    <name>MonthsTable</name>
    <message>
        <source>Month</source>
        <translation>Bulan</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Baru</translation>
    </message>
    <message>
        <source>First reply</source>
        <translation>Balasan pertama</translation>
    </message>
    <message>
        <source>Within an hour</source>
        <translation>Dalam satu jam</translation>
    </message>
    <message>
        <source>Resolved in</source>
        <translation>Selesai dalam</translation>
    </message>
</context>
<context>
    <name>NewTicketDialog</name>
    <message>
        <source>New ticket</source>
        <translation>Tiket baru</translation>
    </message>
    <message>
        <source>Choose the client…</source>
        <translation>Pilih kliennya…</translation>
    </message>
    <message>
        <source>e.g. Website shows an error</source>
        <translation>mis. Website menampilkan error</translation>
    </message>
    <message>
        <source>What did the client write? (optional)</source>
        <translation>Apa yang ditulis klien? (opsional)</translation>
    </message>
    <message>
        <source>Title *</source>
        <translation>Judul *</translation>
    </message>
    <message>
        <source>Choose the client this ticket is for.</source>
        <translation>Pilih klien pemilik tiket ini.</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioritas</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Saluran</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Tanggal tenggat</translation>
    </message>
    <message>
        <source>First message</source>
        <translation>Pesan pertama</translation>
    </message>
    <message>
        <source>Add a client first.</source>
        <translation>Tambahkan klien dulu.</translation>
    </message>
    <message>
        <source>Client *</source>
        <translation>Klien *</translation>
    </message>
    <message>
        <source>Please give the ticket a short title.</source>
        <translation>Mohon beri tiket judul singkat.</translation>
    </message>
</context>
<context>
    <name>OrderDelete</name>
    <message>
        <source>the order “{title}” ({amount}) of {client}</source>
        <translation>pesanan “{title}” ({amount}) milik {client}</translation>
    </message>
    <message>
        <source>Delete order</source>
        <translation>Hapus pesanan</translation>
    </message>
    <message>
        <source>Delete {name}?

You can undo this with Ctrl+Z, or restore it later from the trash (Edit ▸ Trash…).</source>
        <translation>Hapus {name}?

Anda bisa membatalkannya dengan Ctrl+Z, atau memulihkannya nanti dari tempat sampah (Sunting ▸ Tempat sampah…).</translation>
    </message>
</context>
<context>
    <name>OrderFormDialog</name>
    <message>
        <source>New order</source>
        <translation>Pesanan baru</translation>
    </message>
    <message>
        <source>Edit order</source>
        <translation>Ubah pesanan</translation>
    </message>
    <message>
        <source>e.g. Company profile website</source>
        <translation>mis. Website profil perusahaan</translation>
    </message>
    <message>
        <source>The day the quote was sent is known</source>
        <translation>Tanggal penawaran dikirim diketahui</translation>
    </message>
    <message>
        <source>The day the client said yes is known</source>
        <translation>Tanggal klien setuju diketahui</translation>
    </message>
    <message>
        <source>The day of payment is known</source>
        <translation>Tanggal pembayaran diketahui</translation>
    </message>
    <message>
        <source>Type or choose the client&apos;s name</source>
        <translation>Ketik atau pilih nama klien</translation>
    </message>
    <message>
        <source>Client *</source>
        <translation>Klien *</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Klien</translation>
    </message>
    <message>
        <source>Order *</source>
        <translation>Pesanan *</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Quote sent on</source>
        <translation>Penawaran dikirim</translation>
    </message>
    <message>
        <source>Client said yes on</source>
        <translation>Klien setuju pada</translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation>Dibayar pada</translation>
    </message>
    <message>
        <source>Started by ticket</source>
        <translation>Berawal dari tiket</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Mata uang</translation>
    </message>
    <message>
        <source>No ticket</source>
        <translation>Tanpa tiket</translation>
    </message>
    <message>
        <source>Please choose the client this order is for.</source>
        <translation>Mohon pilih klien pemilik pesanan ini.</translation>
    </message>
    <message>
        <source>There are no clients yet. Please add the client first.</source>
        <translation>Belum ada klien. Mohon tambahkan kliennya dulu.</translation>
    </message>
    <message>
        <source>Please say what the order is (e.g. company profile website).</source>
        <translation>Mohon tulis apa pesanannya (mis. website profil perusahaan).</translation>
    </message>
    <message>
        <source>The amount is a whole number, zero or more.</source>
        <translation>Jumlahnya berupa bilangan bulat, nol atau lebih.</translation>
    </message>
    <message>
        <source>Choose IDR or USD.</source>
        <translation>Pilih IDR atau USD.</translation>
    </message>
    <message>
        <source>Choose one of the listed statuses.</source>
        <translation>Pilih salah satu status yang tersedia.</translation>
    </message>
    <message>
        <source>The client cannot say yes before the quote was sent.</source>
        <translation>Klien tidak mungkin setuju sebelum penawaran dikirim.</translation>
    </message>
    <message>
        <source>The order cannot be paid before the quote was sent.</source>
        <translation>Pesanan tidak mungkin dibayar sebelum penawaran dikirim.</translation>
    </message>
    <message>
        <source>That ticket is not this client&apos;s (or no longer exists).</source>
        <translation>Tiket itu bukan milik klien ini (atau sudah tidak ada).</translation>
    </message>
</context>
<context>
    <name>OrderStatus</name>
    <message>
        <source>Quoted</source>
        <translation>Penawaran</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Disepakati</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Lunas</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Tidak jadi</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Dibatalkan</translation>
    </message>
</context>
<context>
    <name>OrderTableModel</name>
    <message>
        <source>Client</source>
        <translation>Klien</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Pesanan</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Jumlah</translation>
    </message>
    <message>
        <source>Quoted</source>
        <translation>Ditawarkan</translation>
    </message>
    <message>
        <source>Won</source>
        <translation>Disepakati</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Dibayar</translation>
    </message>
</context>
<context>
    <name>OrderTotals</name>
    <message>
        <source>Paid {amount}</source>
        <translation>Dibayar {amount}</translation>
    </message>
    <message>
        <source>Outstanding {amount}</source>
        <translation>Belum dibayar {amount}</translation>
    </message>
    <message>
        <source>1 open quote</source>
        <translation>1 penawaran terbuka</translation>
    </message>
    <message>
        <source>{count} open quotes</source>
        <translation>{count} penawaran terbuka</translation>
    </message>
    <message>
        <source>Lost or cancelled {amount}</source>
        <translation>Tidak jadi atau batal {amount}</translation>
    </message>
</context>
<context>
    <name>OrdersPage</name>
    <message>
        <source>Search orders and client names</source>
        <translation>Cari pesanan dan nama klien</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Semua status</translation>
    </message>
    <message>
        <source>Open quotes</source>
        <translation>Penawaran terbuka</translation>
    </message>
    <message>
        <source>Won, not paid yet</source>
        <translation>Disepakati, belum dibayar</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Lunas</translation>
    </message>
    <message>
        <source>Lost or cancelled</source>
        <translation>Tidak jadi atau batal</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Semua waktu</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Bulan ini</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Tahun ini</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>12 bulan terakhir</translation>
    </message>
    <message>
        <source>By the day the order was paid, else won, else quoted</source>
        <translation>Menurut tanggal pesanan dibayar; kalau belum, tanggal disepakati; kalau belum juga, tanggal penawaran</translation>
    </message>
    <message>
        <source>New order…</source>
        <translation>Pesanan baru…</translation>
    </message>
    <message>
        <source>No orders yet. When a client asks what something costs, press “New order…” to note the quote; later mark it won and paid.</source>
        <translation>Belum ada pesanan. Saat klien menanyakan harga, tekan “Pesanan baru…” untuk mencatat penawarannya; nanti tandai disepakati dan lunas.</translation>
    </message>
    <message>
        <source>Open client</source>
        <translation>Buka klien</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Ubah…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Hapus…</translation>
    </message>
    <message>
        <source>No orders match.</source>
        <translation>Tidak ada pesanan yang cocok.</translation>
    </message>
    <message>
        <source>1 order</source>
        <translation>1 pesanan</translation>
    </message>
    <message>
        <source>{count} orders</source>
        <translation>{count} pesanan</translation>
    </message>
    <message>
        <source>Edit order…</source>
        <translation>Ubah pesanan…</translation>
    </message>
    <message>
        <source>Receipt…</source>
        <translation>Kuitansi…</translation>
    </message>
    <message>
        <source>Follow up…</source>
        <translation>Tindak lanjut…</translation>
    </message>
    <message>
        <source>Delete order…</source>
        <translation>Hapus pesanan…</translation>
    </message>
</context>
<context>
    <name>OsWords</name>
    <message>
        <source>No space left on device</source>
        <translation>Ruang disk sudah penuh</translation>
    </message>
    <message>
        <source>Disk quota exceeded</source>
        <translation>Jatah ruang disk sudah habis</translation>
    </message>
    <message>
        <source>Permission denied</source>
        <translation>Izin ditolak</translation>
    </message>
    <message>
        <source>Operation not permitted</source>
        <translation>Tindakan tidak diizinkan</translation>
    </message>
    <message>
        <source>Read-only file system</source>
        <translation>Disk hanya bisa dibaca</translation>
    </message>
    <message>
        <source>No such file or directory</source>
        <translation>File atau folder tidak ada</translation>
    </message>
    <message>
        <source>Not a directory</source>
        <translation>Bukan folder</translation>
    </message>
    <message>
        <source>Is a directory</source>
        <translation>Itu sebuah folder</translation>
    </message>
    <message>
        <source>Input/output error</source>
        <translation>Kesalahan baca/tulis pada disk</translation>
    </message>
    <message>
        <source>Device or resource busy</source>
        <translation>Perangkat sedang dipakai</translation>
    </message>
    <message>
        <source>File name too long</source>
        <translation>Nama file terlalu panjang</translation>
    </message>
    <message>
        <source>the file came out cut off</source>
        <translation>file-nya terpotong</translation>
    </message>
    <message>
        <source>it is on a read-only disk</source>
        <translation>letaknya di disk hanya-baca</translation>
    </message>
    <message>
        <source>its file or folder is read-only (permissions)</source>
        <translation>file atau foldernya hanya-baca (izin akses)</translation>
    </message>
</context>
<context>
    <name>PresenceLine</name>
    <message>
        <source>{name} is writing a reply…</source>
        <translation>{name} sedang menulis balasan…</translation>
    </message>
    <message>
        <source>{name} is also viewing</source>
        <translation>{name} juga sedang melihat</translation>
    </message>
    <message>
        <source>{names} are also viewing</source>
        <translation>{names} juga sedang melihat</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>What the file holds</source>
        <translation>Isi file</translation>
    </message>
    <message>
        <source>Check that it was read right: nothing is saved yet.</source>
        <translation>Periksa apakah file terbaca dengan benar: belum ada yang disimpan.</translation>
    </message>
    <message>
        <source>As detected</source>
        <translation>Sesuai deteksi</translation>
    </message>
    <message>
        <source>day/month/year</source>
        <translation>hari/bulan/tahun</translation>
    </message>
    <message>
        <source>month/day/year</source>
        <translation>bulan/hari/tahun</translation>
    </message>
    <message>
        <source>year/month/day</source>
        <translation>tahun/bulan/hari</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Dates written as:</source>
        <translation>Tanggal ditulis sebagai:</translation>
    </message>
    <message>
        <source>Participants:</source>
        <translation>Peserta:</translation>
    </message>
    <message>
        <source>Messages:</source>
        <translation>Pesan:</translation>
    </message>
    <message>
        <source>From – to:</source>
        <translation>Dari – sampai:</translation>
    </message>
    <message>
        <source>The first messages:</source>
        <translation>Pesan-pesan pertama:</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>Membaca {file}…</translation>
    </message>
    <message>
        <source>As detected ({order})</source>
        <translation>Sesuai deteksi ({order})</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>tidak ada</translation>
    </message>
    <message>
        <source>WhatsApp (Android)</source>
        <translation>WhatsApp (Android)</translation>
    </message>
    <message>
        <source>WhatsApp (iPhone)</source>
        <translation>WhatsApp (iPhone)</translation>
    </message>
    <message>
        <source>Telegram</source>
        <translation>Telegram</translation>
    </message>
    <message>
        <source>LINE</source>
        <translation>LINE</translation>
    </message>
    <message>
        <source>Messenger or Instagram</source>
        <translation>Messenger atau Instagram</translation>
    </message>
    <message>
        <source>CSV table</source>
        <translation>Tabel CSV</translation>
    </message>
    <message>
        <source>1 message</source>
        <translation>1 pesan</translation>
    </message>
    <message>
        <source>{count} messages</source>
        <translation>{count} pesan</translation>
    </message>
    <message>
        <source>1 picture or file</source>
        <translation>1 gambar atau file</translation>
    </message>
    <message>
        <source>{count} pictures or files</source>
        <translation>{count} gambar atau file</translation>
    </message>
    <message>
        <source>1 notice</source>
        <translation>1 pemberitahuan</translation>
    </message>
    <message>
        <source>{count} notices</source>
        <translation>{count} pemberitahuan</translation>
    </message>
    <message>
        <source>“{file}” cannot be imported.</source>
        <translation>“{file}” tidak dapat diimpor.</translation>
    </message>
    <message>
        <source>Go back to choose another file.</source>
        <translation>Kembali untuk memilih file lain.</translation>
    </message>
    <message>
        <source>“{file}” could not be read: something unexpected went wrong (the details are in the log). Export the chat again and choose the new file.</source>
        <translation>“{file}” tidak dapat dibaca: terjadi sesuatu yang tidak terduga (rinciannya ada di log). Ekspor chat lagi dan pilih file yang baru.</translation>
    </message>
    <message>
        <source>none</source>
        <translation>tidak ada</translation>
    </message>
</context>
<context>
    <name>Priority</name>
    <message>
        <source>Low</source>
        <translation>Rendah</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Tinggi</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Mendesak</translation>
    </message>
</context>
<context>
    <name>ReadingNote</name>
    <message>
        <source>The file ends in the middle of a character; it may have been cut off.</source>
        <translation>File ini berakhir di tengah sebuah karakter; mungkin file-nya terpotong.</translation>
    </message>
    <message>
        <source>{count} character(s) were not valid UTF-8 and were replaced with “�” (the first on line {line}).</source>
        <translation>{count} karakter bukan UTF-8 yang valid, jadi diganti dengan “�” (yang pertama di baris {line}).</translation>
    </message>
    <message>
        <source>The file is not UTF-8; it was read as Windows-1252 text.</source>
        <translation>File ini bukan UTF-8; file dibaca sebagai teks Windows-1252.</translation>
    </message>
    <message>
        <source>Some characters were not valid {encoding} and were replaced.</source>
        <translation>Beberapa karakter bukan {encoding} yang valid, jadi diganti.</translation>
    </message>
    <message>
        <source>{count} line(s) before the first message were ignored.</source>
        <translation>{count} baris sebelum pesan pertama diabaikan.</translation>
    </message>
    <message>
        <source>A line before the first message was ignored.</source>
        <translation>Satu baris sebelum pesan pertama diabaikan.</translation>
    </message>
    <message>
        <source>The file seems to be cut off: its last line is the incomplete start of a message and was ignored.</source>
        <translation>File ini sepertinya terpotong: baris terakhirnya berisi awal pesan yang tidak lengkap, jadi diabaikan.</translation>
    </message>
    <message>
        <source>The file seems to be cut off: its last message is incomplete and was ignored.</source>
        <translation>File ini sepertinya terpotong: pesan terakhirnya tidak lengkap, jadi diabaikan.</translation>
    </message>
    <message>
        <source>Dates in this file are written year first; the date order {order} was ignored.</source>
        <translation>Tanggal di file ini ditulis dengan tahun di depan; urutan tanggal {order} diabaikan.</translation>
    </message>
    <message>
        <source>{count} line(s) looked like the start of a message but had impossible dates or times; they were kept as text of the message before them.</source>
        <translation>{count} baris tampak seperti awal pesan, tetapi tanggal atau jamnya mustahil; baris itu disimpan sebagai teks pesan sebelumnya.</translation>
    </message>
    <message>
        <source>{count} message(s) before the first date line were ignored.</source>
        <translation>{count} pesan sebelum baris tanggal pertama diabaikan.</translation>
    </message>
    <message>
        <source>The file seems to be cut off: its last message starts a quoted text that never ends.</source>
        <translation>File ini sepertinya terpotong: pesan terakhirnya membuka teks bertanda kutip yang tidak pernah ditutup.</translation>
    </message>
    <message>
        <source>This Telegram export holds {count} chats; their messages were merged. Export a single chat to import just one.</source>
        <translation>Ekspor Telegram ini berisi {count} chat; pesan-pesannya digabung. Ekspor satu chat saja untuk mengimpor satu chat.</translation>
    </message>
</context>
<context>
    <name>Receipt</name>
    <message>
        <source>Receipt…</source>
        <translation>Kuitansi…</translation>
    </message>
    <message>
        <source>A receipt (kuitansi) for this paid order, in the client&apos;s language, as a PDF</source>
        <translation>Kuitansi untuk pesanan yang sudah dibayar ini, dalam bahasa klien, sebagai PDF</translation>
    </message>
    <message>
        <source>A receipt is for a paid order: mark the order as paid first (with the day).</source>
        <translation>Kuitansi hanya untuk pesanan yang sudah dibayar: tandai dulu pesanan ini sebagai dibayar (dengan tanggalnya).</translation>
    </message>
    <message>
        <source>This order&apos;s amount is 0: there is nothing to give a receipt for.</source>
        <translation>Jumlah pesanan ini 0: tidak ada yang perlu dibuatkan kuitansi.</translation>
    </message>
    <message>
        <source>No receipt for this order</source>
        <translation>Tidak ada kuitansi untuk pesanan ini</translation>
    </message>
    <message>
        <source>Save receipt {label}</source>
        <translation>Simpan kuitansi {label}</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Dokumen PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Receipt saved</source>
        <translation>Kuitansi tersimpan</translation>
    </message>
    <message>
        <source>Receipt {label} for {name} is saved:</source>
        <translation>Kuitansi {label} untuk {name} tersimpan:</translation>
    </message>
</context>
<context>
    <name>ReferralTreePanel</name>
    <message>
        <source>PNG picture (*.png)</source>
        <translation>Gambar PNG (*.png)</translation>
    </message>
    <message>
        <source>SVG drawing, sharp at any size (*.svg)</source>
        <translation>Gambar SVG, tetap tajam di ukuran apa pun (*.svg)</translation>
    </message>
    <message>
        <source>Zoom out (−)</source>
        <translation>Perkecil (−)</translation>
    </message>
    <message>
        <source>Zoom in (+ or Ctrl+wheel)</source>
        <translation>Perbesar (+ atau Ctrl+roda mouse)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Pas</translation>
    </message>
    <message>
        <source>Show the whole tree (0)</source>
        <translation>Tampilkan seluruh pohon (0)</translation>
    </message>
    <message>
        <source>Save picture…</source>
        <translation>Simpan gambar…</translation>
    </message>
    <message>
        <source>Save the tree as a PNG or SVG picture</source>
        <translation>Simpan pohon sebagai gambar PNG atau SVG</translation>
    </message>
    <message>
        <source>Click a client to open them. Drag to move around.</source>
        <translation>Klik klien untuk membukanya. Seret untuk menggeser.</translation>
    </message>
    <message>
        <source>referrals-{name}</source>
        <translation>rujukan-{name}</translation>
    </message>
    <message>
        <source>Save the referral tree</source>
        <translation>Simpan pohon rujukan</translation>
    </message>
    <message>
        <source>The picture could not be written to {file}. Choose another folder.</source>
        <translation>Gambar tidak dapat disimpan ke {file}. Silakan pilih folder lain.</translation>
    </message>
    <message>
        <source>Could not save the picture</source>
        <translation>Gambar tidak dapat disimpan</translation>
    </message>
</context>
<context>
    <name>ReferralTreeView</name>
    <message>
        <source>Referral tree</source>
        <translation>Pohon rujukan</translation>
    </message>
    <message>
        <source>Started this cascade</source>
        <translation>Memulai rangkaian rujukan ini</translation>
    </message>
    <message>
        <source>Generation {n} · brought by {referrer}</source>
        <translation>Generasi {n} · dibawa oleh {referrer}</translation>
    </message>
    <message>
        <source>1 order</source>
        <translation>1 pesanan</translation>
    </message>
    <message>
        <source>{n} orders</source>
        <translation>{n} pesanan</translation>
    </message>
    <message>
        <source>{orders} · {money} paid</source>
        <translation>{orders} · {money} dibayar</translation>
    </message>
    <message>
        <source>First order: {date}</source>
        <translation>Pesanan pertama: {date}</translation>
    </message>
    <message>
        <source>Brought 1 client</source>
        <translation>Membawa 1 klien</translation>
    </message>
    <message>
        <source>Brought {n} clients</source>
        <translation>Membawa {n} klien</translation>
    </message>
    <message>
        <source>Who brought whom, made with agencydesk</source>
        <translation>Siapa membawa siapa, dibuat dengan agencydesk</translation>
    </message>
    <message>
        <source>Started it</source>
        <translation>Yang memulai</translation>
    </message>
    <message>
        <source>Direct referrals</source>
        <translation>Rujukannya</translation>
    </message>
    <message>
        <source>Their referrals</source>
        <translation>Rujukan dari rujukannya</translation>
    </message>
    <message>
        <source>Generation {n}</source>
        <translation>Generasi {n}</translation>
    </message>
</context>
<context>
    <name>ReferralsPage</name>
    <message>
        <source>Loading</source>
        <translation>Memuat</translation>
    </message>
    <message>
        <source>Whole business</source>
        <translation>Seluruh usaha</translation>
    </message>
</context>
<context>
    <name>ReferrersTable</name>
    <message>
        <source>Revenue</source>
        <translation>Pendapatan</translation>
    </message>
    <message>
        <source>Brought</source>
        <translation>Dibawa</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Klien</translation>
    </message>
    <message>
        <source>Double-click a client to open them</source>
        <translation>Klik dua kali pada klien untuk membukanya</translation>
    </message>
    <message>
        <source>Brought 1 client: {money}</source>
        <translation>Membawa 1 klien: {money}</translation>
    </message>
    <message>
        <source>Brought {count} clients, {direct} of them directly: {money}</source>
        <translation>Membawa {count} klien, {direct} di antaranya langsung: {money}</translation>
    </message>
</context>
<context>
    <name>ReplyArea</name>
    <message>
        <source>Write what the client said, your reply, or a note…  (/ inserts a saved reply, Ctrl+Enter adds it)</source>
        <translation>Tulis pesan klien, balasan Anda, atau catatan…  (/ menyisipkan balasan tersimpan, Ctrl+Enter untuk menambah)</translation>
    </message>
    <message>
        <source>From the client</source>
        <translation>Dari klien</translation>
    </message>
    <message>
        <source>My reply</source>
        <translation>Balasan saya</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>Catatan internal</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Tambah</translation>
    </message>
    <message>
        <source>Draft kept</source>
        <translation>Draf tersimpan</translation>
    </message>
    <message>
        <source>What you write here stays with this ticket until you add it, after a restart too.</source>
        <translation>Yang Anda tulis di sini tetap tersimpan di tiket ini sampai Anda menambahkannya, juga setelah aplikasi dibuka ulang.</translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Export report</source>
        <translation>Ekspor laporan</translation>
    </message>
    <message>
        <source>Report for {name}</source>
        <translation>Laporan untuk {name}</translation>
    </message>
    <message>
        <source>A PDF to send to your client: their requests, the time you spent, guides, orders and payments, and a thank-you for the friends they sent you. Internal notes and logins are never included.</source>
        <translation>PDF untuk dikirim ke klien Anda: permintaan mereka, waktu yang Anda curahkan, panduan, pesanan dan pembayaran, serta ucapan terima kasih untuk teman-teman yang mereka kenalkan. Catatan internal dan login tidak pernah ikut.</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Bulan lalu</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Bulan ini</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Tahun ini</translation>
    </message>
    <message>
        <source>Choose the days…</source>
        <translation>Pilih tanggalnya…</translation>
    </message>
    <message>
        <source>to</source>
        <translation>sampai</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Letter (US)</source>
        <translation>Letter (AS)</translation>
    </message>
    <message>
        <source>Quote the start of each conversation</source>
        <translation>Kutip awal setiap percakapan</translation>
    </message>
    <message>
        <source>“Your referrals”: thanks for the friends they sent</source>
        <translation>“Rujukan Anda”: terima kasih untuk teman-teman yang mereka kenalkan</translation>
    </message>
    <message>
        <source>This client has not introduced anyone yet.</source>
        <translation>Klien ini belum mengenalkan siapa pun.</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periode</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <source>Paper</source>
        <translation>Kertas</translation>
    </message>
    <message>
        <source>Include</source>
        <translation>Sertakan</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Simpan PDF…</translation>
    </message>
    <message>
        <source>The period ends before it starts. Please check the days.</source>
        <translation>Periode berakhir sebelum dimulai. Mohon periksa tanggalnya.</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Simpan laporan</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Dokumen PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>Sedang menulis laporan…</translation>
    </message>
    <message>
        <source>Writing page {page} of {pages}…</source>
        <translation>Menulis halaman {page} dari {pages}…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Membatalkan…</translation>
    </message>
    <message>
        <source>Cancelled. No file was saved.</source>
        <translation>Dibatalkan. Tidak ada file yang disimpan.</translation>
    </message>
    <message>
        <source>Report saved</source>
        <translation>Laporan tersimpan</translation>
    </message>
    <message>
        <source>The report for {name} is saved ({pages} pages):</source>
        <translation>Laporan untuk {name} sudah tersimpan ({pages} halaman):</translation>
    </message>
    <message>
        <source>The report for {name} is saved (1 page):</source>
        <translation>Laporan untuk {name} sudah tersimpan (1 halaman):</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from backup</source>
        <translation>Pulihkan dari cadangan</translation>
    </message>
    <message>
        <source>Choose the backup to go back to. Your current data is backed up first, so this can be undone by restoring that backup.</source>
        <translation>Pilih cadangan yang ingin dipulihkan. Data Anda saat ini dicadangkan dulu, jadi langkah ini bisa dibatalkan dengan memulihkan cadangan tersebut.</translation>
    </message>
    <message>
        <source>daily backup</source>
        <translation>cadangan harian</translation>
    </message>
    <message>
        <source>backed up by you</source>
        <translation>dicadangkan oleh Anda</translation>
    </message>
    <message>
        <source>before an upgrade</source>
        <translation>sebelum pembaruan</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>sebelum pemulihan</translation>
    </message>
    <message>
        <source>{when} — {reason} ({size} KB)</source>
        <translation>{when} — {reason} ({size} KB)</translation>
    </message>
    <message>
        <source>There are no backups yet. One is made every day you start.</source>
        <translation>Belum ada cadangan. Cadangan dibuat setiap hari saat Anda membuka aplikasi.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Pulihkan</translation>
    </message>
</context>
<context>
    <name>RootTabs</name>
    <message>
        <source>Tree</source>
        <translation>Pohon</translation>
    </message>
    <message>
        <source>Spread over time</source>
        <translation>Penyebaran dari waktu ke waktu</translation>
    </message>
    <message>
        <source>Generations</source>
        <translation>Generasi</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>Pendapatan</translation>
    </message>
    <message>
        <source>Orders</source>
        <translation>Pesanan</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Tampilkan:</translation>
    </message>
    <message>
        <source>Charts are not available.</source>
        <translation>Grafik tidak tersedia.</translation>
    </message>
</context>
<context>
    <name>RootsModel</name>
    <message>
        <source>Introduced by {name}</source>
        <translation>Dikenalkan oleh {name}</translation>
    </message>
    <message>
        <source>{name}, introduced by {referrer}. {figures}</source>
        <translation>{name}, dikenalkan oleh {referrer}. {figures}</translation>
    </message>
    <message>
        <source>brought 1 client</source>
        <translation>membawa 1 klien</translation>
    </message>
    <message>
        <source>brought {count} clients</source>
        <translation>membawa {count} klien</translation>
    </message>
    <message>
        <source>Whole business</source>
        <translation>Seluruh usaha</translation>
    </message>
    <message>
        <source>all referrals together</source>
        <translation>semua rujukan digabung</translation>
    </message>
    <message>
        <source>Whole business: all referrals together</source>
        <translation>Seluruh usaha: semua rujukan digabung</translation>
    </message>
</context>
<context>
    <name>RootsPanel</name>
    <message>
        <source>Filter by name</source>
        <translation>Saring menurut nama</translation>
    </message>
    <message>
        <source>Nobody has brought a client yet. When you note on a client who introduced them, the one who brought them appears here.</source>
        <translation>Belum ada yang membawa klien. Jika Anda mencatat siapa yang mengenalkan seorang klien, orang yang membawanya akan muncul di sini.</translation>
    </message>
    <message>
        <source>Who brought clients</source>
        <translation>Yang membawa klien</translation>
    </message>
</context>
<context>
    <name>RunningTimer</name>
    <message>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <source>The timer is running: open its ticket</source>
        <translation>Timer sedang berjalan: buka tiketnya</translation>
    </message>
</context>
<context>
    <name>SavedRepliesDialog</name>
    <message>
        <source>Saved replies</source>
        <translation>Balasan tersimpan</translation>
    </message>
    <message>
        <source>e.g. transfer</source>
        <translation>mis. transfer</translation>
    </message>
    <message>
        <source>Give the reply a short name to type after / (e.g. transfer).</source>
        <translation>Beri balasan ini nama singkat untuk diketik setelah / (mis. transfer).</translation>
    </message>
    <message>
        <source>A name is small letters, digits and dashes, no spaces (e.g. jam-kerja).</source>
        <translation>Nama terdiri dari huruf kecil, angka dan tanda hubung, tanpa spasi (mis. jam-kerja).</translation>
    </message>
    <message>
        <source>Another saved reply has this name.</source>
        <translation>Sudah ada balasan tersimpan dengan nama ini.</translation>
    </message>
    <message>
        <source>Write the reply in Indonesian, in English, or both.</source>
        <translation>Tulis balasannya dalam bahasa Indonesia, Inggris, atau keduanya.</translation>
    </message>
    <message>
        <source>Name (type / then the name)</source>
        <translation>Nama (ketik / lalu nama ini)</translation>
    </message>
    <message>
        <source>Indonesian</source>
        <translation>Indonesia</translation>
    </message>
    <message>
        <source>English</source>
        <translation>Inggris</translation>
    </message>
    <message>
        <source>The client&apos;s language chooses the words (the other ones when one is empty). Placeholders as in guides: {call_name}, {first_name}, {my_name}, {today}.</source>
        <translation>Bahasa klien menentukan teks yang dipakai (teks bahasa lain bila yang satu kosong). Placeholder sama seperti di panduan: {call_name}, {first_name}, {my_name}, {today}.</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Baru</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Not sent to a client yet.</source>
        <translation>Belum pernah dikirim ke klien.</translation>
    </message>
    <message>
        <source>Sent once, on {day}.</source>
        <translation>Dikirim sekali, pada {day}.</translation>
    </message>
    <message>
        <source>Sent {count} times, last on {day}.</source>
        <translation>Dikirim {count} kali, terakhir pada {day}.</translation>
    </message>
    <message>
        <source>Delete the saved reply /{name}?</source>
        <translation>Hapus balasan tersimpan /{name}?</translation>
    </message>
    <message>
        <source>Delete saved reply</source>
        <translation>Hapus balasan tersimpan</translation>
    </message>
</context>
<context>
    <name>SearchDialog</name>
    <message>
        <source>Search everything</source>
        <translation>Cari semuanya</translation>
    </message>
    <message>
        <source>Search clients, tickets, messages and guides…  (Enter opens)</source>
        <translation>Cari klien, tiket, pesan, dan panduan…  (Enter untuk membuka)</translation>
    </message>
    <message>
        <source>Type a name, a phone number or a few words someone wrote: the clients, tickets, messages and guides that hold them are listed here, the best first.</source>
        <translation>Ketik nama, nomor telepon, atau beberapa kata yang pernah ditulis seseorang: klien, tiket, pesan, dan panduan yang memuatnya tampil di sini, yang paling cocok lebih dulu.</translation>
    </message>
    <message>
        <source>Clients ({count})</source>
        <translation>Klien ({count})</translation>
    </message>
    <message>
        <source>Tickets ({count})</source>
        <translation>Tiket ({count})</translation>
    </message>
    <message>
        <source>Messages ({count})</source>
        <translation>Pesan ({count})</translation>
    </message>
    <message>
        <source>Guides ({count})</source>
        <translation>Panduan ({count})</translation>
    </message>
    <message>
        <source>Nothing found.</source>
        <translation>Tidak ditemukan.</translation>
    </message>
    <message>
        <source>More than {count} found: the best are shown; add a word to narrow.</source>
        <translation>Lebih dari {count} ditemukan: yang paling cocok ditampilkan; tambahkan kata untuk mempersempit.</translation>
    </message>
    <message>
        <source>{count} found</source>
        <translation>{count} ditemukan</translation>
    </message>
    <message>
        <source>(slower search: this database has no full-text index)</source>
        <translation>(pencarian lebih lambat: basis data ini tidak punya indeks teks lengkap)</translation>
    </message>
    <message>
        <source>(accents count: the server has no &apos;unaccent&apos; extension)</source>
        <translation>(huruf beraksen dibedakan: server tidak punya ekstensi &apos;unaccent&apos;)</translation>
    </message>
</context>
<context>
    <name>SendGuideDialog</name>
    <message>
        <source>Send guide to a client</source>
        <translation>Kirim panduan ke klien</translation>
    </message>
    <message>
        <source>Type to find a client</source>
        <translation>Ketik untuk mencari klien</translation>
    </message>
    <message>
        <source>fills in {my_name}</source>
        <translation>mengisi {my_name}</translation>
    </message>
    <message>
        <source>Guide</source>
        <translation>Panduan</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Klien</translation>
    </message>
    <message>
        <source>For ticket</source>
        <translation>Untuk tiket</translation>
    </message>
    <message>
        <source>Sign as</source>
        <translation>Nama pengirim</translation>
    </message>
    <message>
        <source>Copy for WhatsApp</source>
        <translation>Salin untuk WhatsApp</translation>
    </message>
    <message>
        <source>Open in WhatsApp</source>
        <translation>Buka di WhatsApp</translation>
    </message>
    <message>
        <source>What the client gets (ready to paste into WhatsApp)</source>
        <translation>Yang diterima klien (siap ditempel di WhatsApp)</translation>
    </message>
    <message>
        <source>{name} needs patient help (tech comfort: {level}), so the very gentle version of this guide is chosen. You can pick another guide above.</source>
        <translation>{name} perlu dibantu dengan sabar (melek teknologi: {level}), jadi versi sangat pelan dari panduan ini yang dipilih. Anda bisa memilih panduan lain di atas.</translation>
    </message>
    <message>
        <source>No ticket</source>
        <translation>Tanpa tiket</translation>
    </message>
    <message>
        <source>Choose a client to see the text they will get.</source>
        <translation>Pilih klien untuk melihat teks yang akan diterimanya.</translation>
    </message>
    <message>
        <source>There are no guides yet. Write one first.</source>
        <translation>Belum ada panduan. Tulis satu dulu.</translation>
    </message>
    <message>
        <source>Opens the chat with {name}, the text typed in; you press send</source>
        <translation>Membuka chat dengan {name}, teksnya sudah terketik; Anda tinggal menekan kirim</translation>
    </message>
    <message>
        <source>No WhatsApp number on this client&apos;s profile</source>
        <translation>Tidak ada nomor WhatsApp di profil klien ini</translation>
    </message>
    <message>
        <source>{name} already got this guide on {date}.</source>
        <translation>{name} sudah menerima panduan ini pada {date}.</translation>
    </message>
    <message>
        <source>Not filled in: {names}. Add what is missing to the client (or type your name in “Sign as”), or replace it after pasting.</source>
        <translation>Belum terisi: {names}. Lengkapi data klien (atau ketik nama Anda di “Nama pengirim”), atau ganti setelah ditempel.</translation>
    </message>
    <message>
        <source>The pictures of this guide are not part of the copied text: send them after it.</source>
        <translation>Gambar dalam panduan ini tidak ikut tersalin: kirim gambarnya setelah teks.</translation>
    </message>
    <message>
        <source>Did the guide go out to {name}?</source>
        <translation>Apakah panduan sudah terkirim ke {name}?</translation>
    </message>
    <message>
        <source>The guide is too long to type in through a link: it is on the clipboard, paste it into the chat.</source>
        <translation>Panduan ini terlalu panjang untuk diketik lewat tautan: teksnya ada di papan klip, tempelkan ke chat.</translation>
    </message>
    <message>
        <source>Yes, it went out</source>
        <translation>Ya, sudah terkirim</translation>
    </message>
</context>
<context>
    <name>ShellActions</name>
    <message>
        <source>&amp;New client…</source>
        <translation>Klien &amp;baru…</translation>
    </message>
    <message>
        <source>&amp;Find client</source>
        <translation>Cari &amp;klien</translation>
    </message>
    <message>
        <source>&amp;Search everything…</source>
        <translation>&amp;Cari semuanya…</translation>
    </message>
    <message>
        <source>New &amp;ticket…</source>
        <translation>&amp;Tiket baru…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>&amp;Ubah…</translation>
    </message>
    <message>
        <source>Start or stop the ti&amp;mer</source>
        <translation>Mulai atau hentikan ti&amp;mer</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>&amp;Hapus…</translation>
    </message>
    <message>
        <source>&amp;Undo delete</source>
        <translation>&amp;Batalkan hapus</translation>
    </message>
    <message>
        <source>&amp;Trash…</source>
        <translation>&amp;Tempat sampah…</translation>
    </message>
    <message>
        <source>&amp;Import chat…</source>
        <translation>&amp;Impor chat…</translation>
    </message>
    <message>
        <source>&amp;Back up now</source>
        <translation>Cadangkan &amp;sekarang</translation>
    </message>
    <message>
        <source>&amp;Restore from backup…</source>
        <translation>&amp;Pulihkan dari cadangan…</translation>
    </message>
    <message>
        <source>&amp;Connect to a team server…</source>
        <translation>&amp;Hubungkan ke server tim…</translation>
    </message>
    <message>
        <source>Back to &amp;my own desk</source>
        <translation>Kembali ke &amp;meja kerja sendiri</translation>
    </message>
    <message>
        <source>&amp;Back up now (snapshot)</source>
        <translation>&amp;Cadangkan sekarang (snapshot)</translation>
    </message>
    <message>
        <source>&amp;Restore a snapshot…</source>
        <translation>&amp;Pulihkan dari snapshot…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Keluar</translation>
    </message>
    <message>
        <source>Your &amp;name for guides…</source>
        <translation>&amp;Nama Anda untuk panduan…</translation>
    </message>
    <message>
        <source>&amp;Agency profile…</source>
        <translation>Profil &amp;agensi…</translation>
    </message>
    <message>
        <source>&amp;About agencydesk</source>
        <translation>&amp;Tentang agencydesk</translation>
    </message>
    <message>
        <source>Load &amp;demo clients</source>
        <translation>Muat klien &amp;contoh</translation>
    </message>
    <message>
        <source>Open data &amp;folder</source>
        <translation>Buka &amp;folder data</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Sunting</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Tampilan</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Pengaturan</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Bahasa</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Sama dengan sistem</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>B&amp;antuan</translation>
    </message>
    <message>
        <source>Copied. Paste it into WhatsApp (Ctrl+V).</source>
        <translation>Tersalin. Tempelkan di WhatsApp (Ctrl+V).</translation>
    </message>
    <message>
        <source>Saved {file}.</source>
        <translation>{file} tersimpan.</translation>
    </message>
    <message>
        <source>Agency profile saved.</source>
        <translation>Profil agensi tersimpan.</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Nama Anda</translation>
    </message>
    <message>
        <source>How you sign your guides, e.g. “Mas Budi”:</source>
        <translation>Nama penutup di panduan Anda, mis. “Mas Budi”:</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <source>agencydesk speaks the new language after a restart. Restart now? Your work is saved first; or it changes the next time you start agencydesk.</source>
        <translation>agencydesk memakai bahasa baru setelah dimulai ulang. Mulai ulang sekarang? Pekerjaan Anda disimpan dulu; atau bahasa berganti saat agencydesk dibuka lagi nanti.</translation>
    </message>
    <message>
        <source>Restart now</source>
        <translation>Mulai ulang sekarang</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Nanti saja</translation>
    </message>
</context>
<context>
    <name>StatusOfListedDialog</name>
    <message>
        <source>Set status of all listed</source>
        <translation>Ubah status semua yang tampil</translation>
    </message>
    <message>
        <source>Give all {count} tickets listed this status:</source>
        <translation>Beri semua {count} tiket yang tampil status ini:</translation>
    </message>
    <message>
        <source>Give the ticket listed this status:</source>
        <translation>Beri tiket yang tampil status ini:</translation>
    </message>
    <message>
        <source>Tickets not listed stay as they are.</source>
        <translation>Tiket yang tidak tampil tetap seperti semula.</translation>
    </message>
    <message>
        <source>Set status of the selected</source>
        <translation>Ubah status yang dipilih</translation>
    </message>
    <message>
        <source>Give the {count} tickets selected this status:</source>
        <translation>Beri {count} tiket yang dipilih status ini:</translation>
    </message>
    <message>
        <source>Tickets not selected stay as they are.</source>
        <translation>Tiket yang tidak dipilih tetap seperti semula.</translation>
    </message>
    <message>
        <source>The statuses they have now are not kept.</source>
        <translation>Status mereka yang sekarang tidak disimpan.</translation>
    </message>
    <message>
        <source>Set status</source>
        <translation>Ubah status</translation>
    </message>
    <message>
        <source>Stopped. No ticket&apos;s status was changed.</source>
        <translation>Dihentikan. Tidak ada status tiket yang berubah.</translation>
    </message>
    <message>
        <source>One of these tickets was changed on another desk at the same moment. None was changed here: try again.</source>
        <translation>Salah satu tiket ini diubah di meja lain pada saat yang sama. Tidak ada yang diubah di sini: coba lagi.</translation>
    </message>
    <message>
        <source>The statuses could not be set. None was changed.</source>
        <translation>Status tidak dapat diubah. Tidak ada yang berubah.</translation>
    </message>
</context>
<context>
    <name>SummaryPage</name>
    <message>
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>The messages are in the client&apos;s history now.</source>
        <translation>Pesan-pesan itu kini ada di riwayat klien.</translation>
    </message>
    <message>
        <source>Open ticket</source>
        <translation>Buka tiket</translation>
    </message>
    <message>
        <source>Undo this import…</source>
        <translation>Batalkan impor ini…</translation>
    </message>
    <message>
        <source>1 new message, {known} already known</source>
        <translation>1 pesan baru, {known} sudah ada</translation>
    </message>
    <message>
        <source>{new} new messages, {known} already known</source>
        <translation>{new} pesan baru, {known} sudah ada</translation>
    </message>
    <message>
        <source>; 1 ticket created</source>
        <translation>; 1 tiket dibuat</translation>
    </message>
    <message>
        <source>; {count} tickets created</source>
        <translation>; {count} tiket dibuat</translation>
    </message>
    <message>
        <source>, {count} of them waiting on you</source>
        <translation>, {count} di antaranya menunggu Anda</translation>
    </message>
    <message>
        <source>, waiting on you</source>
        <translation>, menunggu Anda</translation>
    </message>
    <message>
        <source>; 1 new client</source>
        <translation>; 1 klien baru</translation>
    </message>
    <message>
        <source>; {count} new clients</source>
        <translation>; {count} klien baru</translation>
    </message>
    <message>
        <source>Notes from reading the file:</source>
        <translation>Catatan saat membaca file:</translation>
    </message>
    <message>
        <source>Open last ticket</source>
        <translation>Buka tiket terakhir</translation>
    </message>
    <message>
        <source>Take this import back out? Its {new} messages go from the client&apos;s history, with the tickets it opened; a ticket you have written in since stays, without them.</source>
        <translation>Tarik kembali impor ini? {new} pesannya dihapus dari riwayat klien, bersama tiket yang dibukanya; tiket yang sudah Anda tulisi sejak itu tetap ada, tanpa pesan-pesan tersebut.</translation>
    </message>
    <message>
        <source>Undo import</source>
        <translation>Batalkan impor</translation>
    </message>
    <message>
        <source>The import was taken back out.</source>
        <translation>Impor sudah ditarik kembali.</translation>
    </message>
    <message>
        <source>1 message removed</source>
        <translation>1 pesan dihapus</translation>
    </message>
    <message>
        <source>{count} messages removed</source>
        <translation>{count} pesan dihapus</translation>
    </message>
    <message>
        <source>; 1 ticket removed</source>
        <translation>; 1 tiket dihapus</translation>
    </message>
    <message>
        <source>; {count} tickets removed</source>
        <translation>; {count} tiket dihapus</translation>
    </message>
    <message>
        <source>; 1 ticket you wrote in since stays</source>
        <translation>; 1 tiket yang sudah Anda tulisi tetap ada</translation>
    </message>
    <message>
        <source>; {count} tickets you wrote in since stay</source>
        <translation>; {count} tiket yang sudah Anda tulisi tetap ada</translation>
    </message>
    <message>
        <source>; the new client it made is in the trash</source>
        <translation>; klien baru yang dibuatnya ada di tempat sampah</translation>
    </message>
    <message>
        <source>; the {count} new clients it made are in the trash</source>
        <translation>; {count} klien baru yang dibuatnya ada di tempat sampah</translation>
    </message>
    <message>
        <source>The import could not be taken back out. Nothing was removed.</source>
        <translation>Impor tidak bisa ditarik kembali. Tidak ada yang dihapus.</translation>
    </message>
</context>
<context>
    <name>TargetPage</name>
    <message>
        <source>Where should the messages go?</source>
        <translation>Pesan-pesan ini dimasukkan ke mana?</translation>
    </message>
    <message>
        <source>Into one of the client&apos;s tickets, a new ticket, or a ticket per conversation.</source>
        <translation>Ke salah satu tiket klien, tiket baru, atau satu tiket per percakapan.</translation>
    </message>
    <message>
        <source>Add to an existing ticket:</source>
        <translation>Tambahkan ke tiket yang ada:</translation>
    </message>
    <message>
        <source>Start a new ticket:</source>
        <translation>Buat tiket baru:</translation>
    </message>
    <message>
        <source>A new ticket after every quiet gap of at least:</source>
        <translation>Tiket baru setiap kali chat sepi paling sedikit:</translation>
    </message>
    <message>
        <source> hours</source>
        <translation> jam</translation>
    </message>
    <message>
        <source>Earlier conversations are done: only the latest may still wait on me</source>
        <translation>Percakapan sebelumnya sudah selesai: hanya yang terakhir yang mungkin masih menunggu saya</translation>
    </message>
    <message>
        <source>Otherwise every conversation the client had the last word in waits on you, however long ago it was.</source>
        <translation>Jika tidak, setiap percakapan yang diakhiri oleh klien menunggu Anda, selama apa pun sudah berlalu.</translation>
    </message>
    <message>
        <source>Only the client&apos;s history, no ticket</source>
        <translation>Hanya riwayat klien, tanpa tiket</translation>
    </message>
    <message>
        <source>Messages imported before are recognised and skipped, so importing a newer export of the same chat adds only what is new.</source>
        <translation>Pesan yang pernah diimpor dikenali dan dilewati, jadi mengimpor ekspor yang lebih baru dari chat yang sama hanya menambahkan yang baru.</translation>
    </message>
</context>
<context>
    <name>TeamDesk</name>
    <message>
        <source>{database} on {host}</source>
        <translation>{database} di {host}</translation>
    </message>
    <message>
        <source>Writing a snapshot of the team desk…</source>
        <translation>Menulis snapshot meja kerja tim…</translation>
    </message>
    <message>
        <source>Snapshot saved: {file}</source>
        <translation>Snapshot disimpan: {file}</translation>
    </message>
    <message>
        <source>Restore the team desk</source>
        <translation>Pulihkan meja kerja tim</translation>
    </message>
    <message>
        <source>Everything on the team desk {database} is replaced by the snapshot {file}, for everyone working on it; what was added since is gone. A snapshot of the desk as it is now is saved first.

Type the database&apos;s name, {database}, to restore.</source>
        <translation>Seluruh isi meja kerja tim {database} diganti dengan snapshot {file}, untuk semua orang yang memakainya; apa pun yang ditambahkan setelahnya akan hilang. Snapshot meja kerja seperti sekarang disimpan dulu.

Ketik nama basis datanya, {database}, untuk memulihkan.</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Pulihkan</translation>
    </message>
    <message>
        <source>Choose the snapshot to restore</source>
        <translation>Pilih snapshot yang akan dipulihkan</translation>
    </message>
    <message>
        <source>agencydesk snapshots (*.sqlite3)</source>
        <translation>Snapshot agencydesk (*.sqlite3)</translation>
    </message>
    <message>
        <source>Restoring {file}…</source>
        <translation>Memulihkan {file}…</translation>
    </message>
</context>
<context>
    <name>TeamSwitch</name>
    <message>
        <source>Opening the other desk…</source>
        <translation>Membuka meja kerja yang lain…</translation>
    </message>
</context>
<context>
    <name>TechComfort</name>
    <message>
        <source>1 – needs every step explained</source>
        <translation>1 – perlu dijelaskan setiap langkah</translation>
    </message>
    <message>
        <source>2 – needs patient help</source>
        <translation>2 – perlu dibantu dengan sabar</translation>
    </message>
    <message>
        <source>3 – manages with some help</source>
        <translation>3 – bisa dengan sedikit bantuan</translation>
    </message>
    <message>
        <source>4 – comfortable</source>
        <translation>4 – cukup mahir</translation>
    </message>
    <message>
        <source>5 – very comfortable</source>
        <translation>5 – sangat mahir</translation>
    </message>
</context>
<context>
    <name>TicketStatus</name>
    <message>
        <source>Open</source>
        <translation>Terbuka</translation>
    </message>
    <message>
        <source>Waiting on client</source>
        <translation>Menunggu klien</translation>
    </message>
    <message>
        <source>Waiting on us</source>
        <translation>Menunggu kita</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Ditutup</translation>
    </message>
</context>
<context>
    <name>TicketTableModel</name>
    <message>
        <source>Ticket</source>
        <translation>Tiket</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Klien</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioritas</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Tenggat</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Diperbarui</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Lewat tenggat</translation>
    </message>
</context>
<context>
    <name>TicketView</name>
    <message>
        <source>Choose a ticket on the left, or create a new one.</source>
        <translation>Pilih tiket di sebelah kiri, atau buat tiket baru.</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Tenggat</translation>
    </message>
    <message>
        <source>Satisfaction: not asked</source>
        <translation>Kepuasan: belum ditanya</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioritas</translation>
    </message>
    <message>
        <source>Send a guide…</source>
        <translation>Kirim panduan…</translation>
    </message>
    <message>
        <source>Follow up…</source>
        <translation>Tindak lanjut…</translation>
    </message>
    <message>
        <source>Remind me later: the ticket leaves Today until then</source>
        <translation>Ingatkan nanti: tiket tidak tampil di Hari ini sampai saat itu</translation>
    </message>
    <message>
        <source>Opened {when}</source>
        <translation>Dibuka {when}</translation>
    </message>
    <message>
        <source>first reply after {wait}</source>
        <translation>balasan pertama setelah {wait}</translation>
    </message>
    <message>
        <source>not answered yet</source>
        <translation>belum dijawab</translation>
    </message>
    <message>
        <source>resolved {when}</source>
        <translation>selesai {when}</translation>
    </message>
    <message>
        <source>Handle with care: {note}</source>
        <translation>Perlu perhatian khusus: {note}</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>Kepuasan</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>Ditangani oleh</translation>
    </message>
    <message>
        <source>No due date</source>
        <translation>Tanpa tenggat</translation>
    </message>
</context>
<context>
    <name>TicketsPage</name>
    <message>
        <source>Search ticket titles and client names</source>
        <translation>Cari judul tiket dan nama klien</translation>
    </message>
    <message>
        <source>Still to do</source>
        <translation>Belum selesai</translation>
    </message>
    <message>
        <source>All tickets</source>
        <translation>Semua tiket</translation>
    </message>
    <message>
        <source>Any due date</source>
        <translation>Semua tenggat</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Lewat tenggat</translation>
    </message>
    <message>
        <source>Due today</source>
        <translation>Tenggat hari ini</translation>
    </message>
    <message>
        <source>Due within a week</source>
        <translation>Tenggat dalam seminggu</translation>
    </message>
    <message>
        <source>No due date</source>
        <translation>Tanpa tenggat</translation>
    </message>
    <message>
        <source>Any priority</source>
        <translation>Semua prioritas</translation>
    </message>
    <message>
        <source>Everyone&apos;s</source>
        <translation>Semua orang</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Punya saya</translation>
    </message>
    <message>
        <source>Show the tickets of every client</source>
        <translation>Tampilkan tiket semua klien</translation>
    </message>
    <message>
        <source>New ticket…</source>
        <translation>Tiket baru…</translation>
    </message>
    <message>
        <source>Set status of all listed…</source>
        <translation>Ubah status semua yang tampil…</translation>
    </message>
    <message>
        <source>No tickets to work on. When a client asks for something, open one with “New ticket”.</source>
        <translation>Tidak ada tiket yang perlu dikerjakan. Saat klien meminta sesuatu, buka tiket dengan “Tiket baru”.</translation>
    </message>
    <message>
        <source>Only {name}  ✕</source>
        <translation>Hanya {name}  ✕</translation>
    </message>
    <message>
        <source>Set status of the {count} selected…</source>
        <translation>Ubah status {count} yang dipilih…</translation>
    </message>
    <message>
        <source>Delete the {count} selected…</source>
        <translation>Hapus {count} yang dipilih…</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Balas</translation>
    </message>
    <message>
        <source>Open client</source>
        <translation>Buka klien</translation>
    </message>
    <message>
        <source>Send a guide…</source>
        <translation>Kirim panduan…</translation>
    </message>
    <message>
        <source>Delete ticket…</source>
        <translation>Hapus tiket…</translation>
    </message>
    <message>
        <source>Delete ticket</source>
        <translation>Hapus tiket</translation>
    </message>
    <message>
        <source>Delete the ticket {name}? Its messages stay in the client&apos;s history; the ticket goes to the trash, and Ctrl+Z brings it back.</source>
        <translation>Hapus tiket {name}? Pesannya tetap ada di riwayat klien; tiketnya masuk tempat sampah, dan Ctrl+Z mengembalikannya.</translation>
    </message>
    <message>
        <source>Delete tickets</source>
        <translation>Hapus tiket</translation>
    </message>
    <message>
        <source>Delete the {count} selected tickets? Their messages stay in the clients&apos; history; the tickets go to the trash, and Ctrl+Z brings them back.</source>
        <translation>Hapus {count} tiket yang dipilih? Pesannya tetap ada di riwayat klien; tiketnya masuk tempat sampah, dan Ctrl+Z mengembalikannya.</translation>
    </message>
    <message>
        <source>{count} tickets</source>
        <translation>{count} tiket</translation>
    </message>
    <message>
        <source>The {count} tickets are back.</source>
        <translation>{count} tiket sudah kembali.</translation>
    </message>
    <message>
        <source>Your reply on “{title}” ({client}) is not added yet. It is kept as a draft: it will be in the reply box when you open the ticket again.</source>
        <translation>Balasan Anda di “{title}” ({client}) belum ditambahkan. Balasan itu disimpan sebagai draf: akan ada di kotak balasan saat Anda membuka tiketnya lagi.</translation>
    </message>
    <message>
        <source>{count} replies are not added yet ({tickets}). They are kept as drafts: each will be in its reply box when you open its ticket again.</source>
        <translation>{count} balasan belum ditambahkan ({tickets}). Semuanya disimpan sebagai draf: masing-masing akan ada di kotak balasannya saat Anda membuka tiketnya lagi.</translation>
    </message>
    <message>
        <source>Reply not added</source>
        <translation>Balasan belum ditambahkan</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Keluar</translation>
    </message>
    <message>
        <source>Back to the reply</source>
        <translation>Kembali ke balasan</translation>
    </message>
</context>
<context>
    <name>TimeEntriesList</name>
    <message>
        <source>Day</source>
        <translation>Hari</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Billable</source>
        <translation>Ditagih</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Ubah…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>{time} (timer running)</source>
        <translation>{time} (timer berjalan)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ya</translation>
    </message>
    <message>
        <source>no</source>
        <translation>tidak</translation>
    </message>
    <message>
        <source>Correct time</source>
        <translation>Perbaiki waktu</translation>
    </message>
    <message>
        <source>{time} of {day}</source>
        <translation>{time} pada {day}</translation>
    </message>
</context>
<context>
    <name>TimeEntryForm</name>
    <message>
        <source> min</source>
        <translation> menit</translation>
    </message>
    <message>
        <source>e.g. on the phone with Bu Ratna</source>
        <translation>mis. telepon dengan Bu Ratna</translation>
    </message>
    <message>
        <source>Billable (goes on the client&apos;s bill)</source>
        <translation>Ditagih (masuk tagihan klien)</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Hari</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
</context>
<context>
    <name>TimeStrip</name>
    <message>
        <source>Add time…</source>
        <translation>Tambah waktu…</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>Rincian</translation>
    </message>
    <message>
        <source>The time entries: correct or delete one</source>
        <translation>Rincian waktu: perbaiki atau hapus</translation>
    </message>
    <message>
        <source>Start or stop the timer (Ctrl+Shift+T)</source>
        <translation>Mulai atau hentikan timer (Ctrl+Shift+T)</translation>
    </message>
    <message>
        <source>Add time</source>
        <translation>Tambah waktu</translation>
    </message>
    <message>
        <source>Entries ({count})</source>
        <translation>Rincian ({count})</translation>
    </message>
    <message>
        <source>Time spent: {time}</source>
        <translation>Waktu terpakai: {time}</translation>
    </message>
    <message>
        <source>Stop timer</source>
        <translation>Hentikan timer</translation>
    </message>
    <message>
        <source>Start timer</source>
        <translation>Mulai timer</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>Ticket opened</source>
        <translation>Tiket dibuka</translation>
    </message>
    <message>
        <source>Ticket resolved</source>
        <translation>Tiket selesai</translation>
    </message>
    <message>
        <source>Guide sent</source>
        <translation>Panduan dikirim</translation>
    </message>
    <message>
        <source>Saved reply sent</source>
        <translation>Balasan tersimpan dikirim</translation>
    </message>
    <message>
        <source>Follow up</source>
        <translation>Tindak lanjut</translation>
    </message>
    <message>
        <source>Followed up</source>
        <translation>Sudah ditindaklanjuti</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>Catatan internal</translation>
    </message>
    <message>
        <source>Picture or file</source>
        <translation>Gambar atau file</translation>
    </message>
    <message>
        <source>Quote sent</source>
        <translation>Penawaran dikirim</translation>
    </message>
    <message>
        <source>Order won</source>
        <translation>Pesanan didapat</translation>
    </message>
    <message>
        <source>Order paid</source>
        <translation>Pesanan dibayar</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>Status: {status}</translation>
    </message>
    <message>
        <source>{name} wrote</source>
        <translation>{name} menulis</translation>
    </message>
    <message>
        <source>I wrote</source>
        <translation>Saya menulis</translation>
    </message>
    <message>
        <source>Client wrote</source>
        <translation>Klien menulis</translation>
    </message>
    <message>
        <source>Nothing has happened with this client yet.</source>
        <translation>Belum ada kegiatan dengan klien ini.</translation>
    </message>
    <message>
        <source>Show older events</source>
        <translation>Tampilkan kejadian yang lebih lama</translation>
    </message>
</context>
<context>
    <name>TodayPage</name>
    <message>
        <source>Everyone&apos;s</source>
        <translation>Semua orang</translation>
    </message>
    <message>
        <source>Mine</source>
        <translation>Punya saya</translation>
    </message>
    <message>
        <source>Good morning</source>
        <translation>Selamat pagi</translation>
    </message>
    <message>
        <source>Good afternoon</source>
        <translation>Selamat siang</translation>
    </message>
    <message>
        <source>Good evening</source>
        <translation>Selamat sore</translation>
    </message>
    <message>
        <source>Good night</source>
        <translation>Selamat malam</translation>
    </message>
    <message>
        <source>Overdue ({count})</source>
        <translation>Lewat tenggat ({count})</translation>
    </message>
    <message>
        <source>{client} — {title} (was due {date})</source>
        <translation>{client} — {title} (tenggat {date})</translation>
    </message>
    <message>
        <source>Nothing overdue. Well done.</source>
        <translation>Tidak ada yang lewat tenggat. Bagus sekali.</translation>
    </message>
    <message>
        <source>Due today ({count})</source>
        <translation>Tenggat hari ini ({count})</translation>
    </message>
    <message>
        <source>Nothing is due today.</source>
        <translation>Tidak ada tenggat hari ini.</translation>
    </message>
    <message>
        <source>Waiting on us ({count})</source>
        <translation>Menunggu kita ({count})</translation>
    </message>
    <message>
        <source>{client} — {title} · waiting {wait}</source>
        <translation>{client} — {title} · menunggu {wait}</translation>
    </message>
    <message>
        <source>Nobody is waiting for us.</source>
        <translation>Tidak ada yang menunggu kita.</translation>
    </message>
    <message>
        <source>Median first reply: {wait}</source>
        <translation>Median balasan pertama: {wait}</translation>
    </message>
    <message>
        <source>First replies, last 7 days</source>
        <translation>Balasan pertama, 7 hari terakhir</translation>
    </message>
    <message>
        <source>No new tickets in the last 7 days.</source>
        <translation>Tidak ada tiket baru dalam 7 hari terakhir.</translation>
    </message>
    <message>
        <source> · and 1 more ticket</source>
        <translation> · dan 1 tiket lain</translation>
    </message>
    <message>
        <source> · and {n} more tickets</source>
        <translation> · dan {n} tiket lain</translation>
    </message>
    <message>
        <source>The first impression decides everything: answer new tickets first.</source>
        <translation>Kesan pertama menentukan segalanya: jawab tiket baru lebih dulu.</translation>
    </message>
    <message>
        <source>{share}% answered within an hour</source>
        <translation>{share}% dijawab dalam satu jam</translation>
    </message>
    <message>
        <source>The first {shown} here; {more} more in Tickets.</source>
        <translation>{shown} yang pertama di sini; {more} lagi di Tiket.</translation>
    </message>
    <message>
        <source>{client} — {title} · answered within a minute</source>
        <translation>{client} — {title} · dijawab dalam semenit</translation>
    </message>
    <message>
        <source>{client} — {title} · answered after {wait}</source>
        <translation>{client} — {title} · dijawab setelah {wait}</translation>
    </message>
    <message>
        <source>{client} — {title} · not answered yet ({wait})</source>
        <translation>{client} — {title} · belum dijawab ({wait})</translation>
    </message>
    <message>
        <source>Guides sent today ({count})</source>
        <translation>Panduan terkirim hari ini ({count})</translation>
    </message>
    <message>
        <source>{guide} → {client}, {time}</source>
        <translation>{guide} → {client}, {time}</translation>
    </message>
    <message>
        <source>No guides sent yet today.</source>
        <translation>Belum ada panduan terkirim hari ini.</translation>
    </message>
    <message>
        <source>The whole desk: how fast new tickets heard back.</source>
        <translation>Seluruh meja: seberapa cepat tiket baru mendapat balasan.</translation>
    </message>
    <message>
        <source>First impression by month</source>
        <translation>Kesan pertama per bulan</translation>
    </message>
    <message>
        <source>No new tickets in six months.</source>
        <translation>Tidak ada tiket baru dalam enam bulan.</translation>
    </message>
</context>
<context>
    <name>TrashDialog</name>
    <message>
        <source>Trash</source>
        <translation>Tempat sampah</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Dihapus</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Client</source>
        <translation>Klien</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Pulihkan</translation>
    </message>
    <message>
        <source>Delete for good…</source>
        <translation>Hapus permanen…</translation>
    </message>
    <message>
        <source>Empty trash…</source>
        <translation>Kosongkan tempat sampah…</translation>
    </message>
    <message>
        <source> days</source>
        <translation> hari</translation>
    </message>
    <message>
        <source>Keep deleted things for</source>
        <translation>Simpan yang dihapus selama</translation>
    </message>
    <message>
        <source>Ticket</source>
        <translation>Tiket</translation>
    </message>
    <message>
        <source>Guide</source>
        <translation>Panduan</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Pesanan</translation>
    </message>
    <message>
        <source>The trash is empty.

Clients, tickets, guides and orders you delete wait here for {days} days, so that a mistake can be put right.</source>
        <translation>Tempat sampah kosong.

Klien, tiket, panduan, dan pesanan yang Anda hapus menunggu di sini selama {days} hari, agar kekeliruan bisa diperbaiki.</translation>
    </message>
    <message>
        <source>The trash is empty.

Clients, tickets, guides and orders you delete wait here for a day, so that a mistake can be put right.</source>
        <translation>Tempat sampah kosong.

Klien, tiket, panduan, dan pesanan yang Anda hapus menunggu di sini selama sehari, agar kekeliruan bisa diperbaiki.</translation>
    </message>
    <message>
        <source>{name} is back as ticket #{number}: #{old} had been given to a newer ticket.</source>
        <translation>{name} kembali sebagai tiket #{number}: #{old} sudah dipakai tiket yang lebih baru.</translation>
    </message>
    <message>
        <source>{name} is back as order #{number}: #{old} had been given to a newer order.</source>
        <translation>{name} kembali sebagai pesanan #{number}: #{old} sudah dipakai pesanan yang lebih baru.</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Dipulihkan</translation>
    </message>
    <message>
        <source>Delete {name} for good? This cannot be undone.</source>
        <translation>Hapus {name} secara permanen? Ini tidak bisa dibatalkan.</translation>
    </message>
    <message>
        <source>Everything of theirs goes too: tickets, messages, orders, and their logins&apos; passwords in this computer&apos;s keyring.</source>
        <translation>Semua miliknya ikut terhapus: tiket, pesan, pesanan, dan kata sandi login mereka di keyring komputer ini.</translation>
    </message>
    <message>
        <source>Delete for good</source>
        <translation>Hapus permanen</translation>
    </message>
    <message>
        <source>Delete everything in the trash for good ({count} things)? This cannot be undone; deleted clients take their logins&apos; passwords in the keyring with them.</source>
        <translation>Hapus semua isi tempat sampah secara permanen ({count} item)? Ini tidak bisa dibatalkan; klien yang dihapus membawa serta kata sandi login mereka di keyring.</translation>
    </message>
    <message>
        <source>Delete everything in the trash for good (one thing)? This cannot be undone; deleted clients take their logins&apos; passwords in the keyring with them.</source>
        <translation>Hapus semua isi tempat sampah secara permanen (satu item)? Ini tidak bisa dibatalkan; klien yang dihapus membawa serta kata sandi login mereka di keyring.</translation>
    </message>
    <message>
        <source>Empty trash</source>
        <translation>Kosongkan tempat sampah</translation>
    </message>
</context>
<context>
    <name>UndoService</name>
    <message>
        <source>Deleted {name}. Press Ctrl+Z to undo.</source>
        <translation>{name} dihapus. Tekan Ctrl+Z untuk membatalkan.</translation>
    </message>
    <message>
        <source>&amp;Undo delete</source>
        <translation>&amp;Batalkan hapus</translation>
    </message>
    <message>
        <source>&amp;Undo delete of {name}</source>
        <translation>&amp;Batalkan hapus {name}</translation>
    </message>
    <message>
        <source>{name} is back.</source>
        <translation>{name} sudah kembali.</translation>
    </message>
</context>
<context>
    <name>VersionedSave</name>
    <message>
        <source>Deleted meanwhile</source>
        <translation>Sudah dihapus</translation>
    </message>
    <message>
        <source>Someone else deleted this while you were editing it. Restore it with your changes?</source>
        <translation>Orang lain menghapus data ini saat Anda sedang mengubahnya. Pulihkan dengan perubahan Anda?</translation>
    </message>
    <message>
        <source>Someone else deleted this while you were editing it, so it cannot be saved.</source>
        <translation>Orang lain menghapus data ini saat Anda sedang mengubahnya, jadi tidak bisa disimpan.</translation>
    </message>
    <message>
        <source>The server does not answer. Saving again as soon as it is back; what you typed is kept.</source>
        <translation>Server tidak menjawab. Akan disimpan lagi begitu server kembali; yang Anda ketik tetap aman.</translation>
    </message>
    <message>
        <source>Stop waiting</source>
        <translation>Berhenti menunggu</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Menyimpan…</translation>
    </message>
</context>
<context>
    <name>WhatsAppChat</name>
    <message>
        <source>Sent in WhatsApp?</source>
        <translation>Sudah dikirim di WhatsApp?</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Belum</translation>
    </message>
</context>
<context>
    <name>WhatsAppReply</name>
    <message>
        <source>Send in WhatsApp…</source>
        <translation>Kirim lewat WA…</translation>
    </message>
    <message>
        <source>Opens the chat with {name}, your reply typed in; you press send</source>
        <translation>Membuka chat dengan {name}, balasan Anda sudah terketik; Anda tinggal menekan kirim</translation>
    </message>
    <message>
        <source>No WhatsApp number on this client&apos;s profile</source>
        <translation>Tidak ada nomor WhatsApp di profil klien ini</translation>
    </message>
    <message>
        <source>Did your reply go out to {name}?</source>
        <translation>Apakah balasan Anda sudah terkirim ke {name}?</translation>
    </message>
    <message>
        <source>The reply is too long to type in through a link: it is on the clipboard, paste it into the chat.</source>
        <translation>Balasan ini terlalu panjang untuk diketik lewat tautan: teksnya ada di papan klip, tempelkan ke chat.</translation>
    </message>
    <message>
        <source>Yes, add it to the ticket</source>
        <translation>Ya, tambahkan ke tiket</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>agencydesk cannot open {file} for writing: its file or folder is read-only (a read-only disk, or permissions). Copy it to a folder you can write to and open that copy (agencydesk --db COPY).</source>
        <translation>agencydesk tidak dapat membuka {file} untuk ditulis: file atau foldernya hanya-baca (disk hanya-baca, atau izin akses). Salin ke folder yang bisa Anda tulisi, lalu buka salinan itu (agencydesk --db SALINAN).</translation>
    </message>
    <message>
        <source>Cannot open</source>
        <translation>Tidak dapat dibuka</translation>
    </message>
    <message>
        <source>agencydesk is already open with this database ({file}). Switch to that window instead.</source>
        <translation>agencydesk sudah terbuka dengan basis data ini ({file}). Silakan beralih ke jendela tersebut.</translation>
    </message>
    <message>
        <source>Already open</source>
        <translation>Sudah terbuka</translation>
    </message>
</context>
<context>
    <name>errors</name>
    <message>
        <source>Cannot do that</source>
        <translation>Tidak bisa dilakukan</translation>
    </message>
    <message>
        <source>Could not read {file}: {reason}</source>
        <translation>Tidak bisa membaca {file}: {reason}</translation>
    </message>
</context>
</TS>
