/// Golden sentences for the text skill: `sentence | action key=value …`, or `sentence | -` for "not understood".
///
/// Values: `true`/`false`, integers, `"quoted text"`, or a bare word (a string). Arguments not said are
/// left out (the dispatcher fills defaults). Live state for entity slots: albums Trip, Family,
/// Vacation 2024, Cats; contacts Anna Smith, Bob Jones, Mom.
/// Sections: template sentences, paraphrases not in the templates, Mandarin, near-misses.
let textGoldenCases = #"""
# --- Settings: set_toggle
turn on wifi | settings.set_toggle toggle=wifi on=true
turn off wi-fi | settings.set_toggle toggle=wifi on=false
Turn on the Wi-Fi please | settings.set_toggle toggle=wifi on=true
switch on bluetooth | settings.set_toggle toggle=bluetooth on=true
disable bluetooth | settings.set_toggle toggle=bluetooth on=false
enable do not disturb | settings.set_toggle toggle=do_not_disturb on=true
turn on DND | settings.set_toggle toggle=do_not_disturb on=true
turn airplane mode on | settings.set_toggle toggle=airplane_mode on=true
switch flight mode off | settings.set_toggle toggle=airplane_mode on=false
activate dark mode | settings.set_toggle toggle=dark_mode on=true
deactivate night mode | settings.set_toggle toggle=dark_mode on=false
go to airplane mode | settings.set_toggle toggle=airplane_mode on=true
set bluetooth to off | settings.set_toggle toggle=bluetooth on=false
could you please turn on the wifi | settings.set_toggle toggle=wifi on=true
can you switch off bluetooth for me | settings.set_toggle toggle=bluetooth on=false
hey turn on dark mode now | settings.set_toggle toggle=dark_mode on=true
please turn off do not disturb | settings.set_toggle toggle=do_not_disturb on=false
can you turn on airplane mode for me | settings.set_toggle toggle=airplane_mode on=true
# --- Settings: flip_toggle, get_toggle
toggle wifi | settings.flip_toggle toggle=wifi
flip the bluetooth | settings.flip_toggle toggle=bluetooth
please toggle dark mode | settings.flip_toggle toggle=dark_mode
is wifi on | settings.get_toggle toggle=wifi
is the bluetooth enabled | settings.get_toggle toggle=bluetooth
is do not disturb turned on | settings.get_toggle toggle=do_not_disturb
what is the airplane mode status | settings.get_toggle toggle=airplane_mode
check dark mode | settings.get_toggle toggle=dark_mode
is my wifi on right now | settings.get_toggle toggle=wifi
# --- Settings: levels
set the brightness to 50 percent | settings.set_level level=brightness percent=50
set volume to seventy percent | settings.set_level level=volume percent=70
change the brightness to 80% | settings.set_level level=brightness percent=80
put the volume at thirty | settings.set_level level=volume percent=30
turn the volume to 25 percent | settings.set_level level=volume percent=25
brightness 40 | settings.set_level level=brightness percent=40
volume to ten percent | settings.set_level level=volume percent=10
mute the phone | settings.set_level level=volume percent=0
mute the sound | settings.set_level level=volume percent=0
max brightness | settings.set_level level=brightness percent=100
full volume | settings.set_level level=volume percent=100
please set the screen brightness to sixty five percent | settings.set_level level=brightness percent=65
could you set the volume to 45 | settings.set_level level=volume percent=45
set my brightness to one hundred percent | settings.set_level level=brightness percent=100
turn the volume up | settings.adjust_level level=volume direction=up
turn the brightness down | settings.adjust_level level=brightness direction=down
turn the volume up by 20 percent | settings.adjust_level level=volume direction=up step=20
increase the brightness | settings.adjust_level level=brightness direction=up
lower the volume by five | settings.adjust_level level=volume direction=down step=5
dim the brightness | settings.adjust_level level=brightness direction=down
make it louder | settings.adjust_level direction=up level=volume
louder | settings.adjust_level direction=up level=volume
quieter please | settings.adjust_level direction=down level=volume
volume down | settings.adjust_level direction=down level=volume
brighter | settings.adjust_level direction=up level=brightness
darker | settings.adjust_level direction=down level=brightness
raise the volume a bit | settings.adjust_level level=volume direction=up
what is the volume | settings.get_level level=volume
what's the brightness level | settings.get_level level=brightness
check the volume | settings.get_level level=volume
tell me the brightness | settings.get_level level=brightness
what is my volume set to | settings.get_level level=volume
show the settings | settings.show_settings
show me the settings | settings.show_settings
what are the current settings | settings.show_settings
settings status | settings.show_settings
show me all my settings | settings.show_settings
# --- Clock: alarms
set an alarm for seven thirty | clock.set_alarm time=07:30
set an alarm for 6:45 pm | clock.set_alarm time=18:45
set alarm at quarter past eight | clock.set_alarm time=08:15
wake me up at six am | clock.set_alarm time=06:00
wake me at half past seven | clock.set_alarm time=07:30
alarm at noon | clock.set_alarm time=12:00
create an alarm at 5:30 | clock.set_alarm time=05:30
set a gym alarm for 6 am | clock.set_alarm time=06:00 label=gym
set an alarm for seven called work | clock.set_alarm time=07:00 label=work
add an alarm at ten to nine | clock.set_alarm time=08:50
please set an alarm for eleven forty five pm | clock.set_alarm time=23:45
could you set an alarm for 7 o'clock please | clock.set_alarm time=07:00
I need an alarm at nine thirty | clock.set_alarm time=09:30
set me an alarm for 8 in the morning | clock.set_alarm time=08:00
cancel the alarm at 7:30 | clock.cancel_alarm time=07:30
delete the alarm for six am | clock.cancel_alarm time=06:00
turn off the 8:15 alarm | clock.cancel_alarm time=08:15
remove the gym alarm | clock.cancel_alarm label=gym
cancel my alarm for seven thirty please | clock.cancel_alarm time=07:30
turn the alarm at 7:30 back on | clock.switch_alarm time=07:30 on=true
switch the 6:45 alarm back on | clock.switch_alarm time=06:45 on=true
please turn the alarm for eight fifteen back on | clock.switch_alarm time=08:15 on=true
cancel all alarms | clock.cancel_all_alarms
delete all my alarms | clock.cancel_all_alarms
clear every alarm | clock.cancel_all_alarms
please remove all alarms | clock.cancel_all_alarms
show my alarms | clock.list_alarms
what alarms do I have | clock.list_alarms
do I have any alarms set | clock.list_alarms
when is my alarm | clock.list_alarms
list the alarms | clock.list_alarms
what alarms are set for tomorrow | clock.list_alarms
# --- Clock: timers
set a timer for ten minutes | clock.set_timer duration=600
set a timer for 90 seconds | clock.set_timer duration=90
start a timer for an hour and a half | clock.set_timer duration=5400
set a 5 minute timer | clock.set_timer duration=300
start a twenty minute timer | clock.set_timer duration=1200
set a pasta timer for 12 minutes | clock.set_timer duration=720 label=pasta
set a timer for 3 minutes called eggs | clock.set_timer duration=180 label=eggs
timer for half an hour | clock.set_timer duration=1800
timer 45 seconds | clock.set_timer duration=45
remind me in two hours | clock.set_timer duration=7200
could you set a timer for 1 hour 30 minutes | clock.set_timer duration=5400
please start a timer for two and a half minutes | clock.set_timer duration=150
set the timer for fifteen minutes please | clock.set_timer duration=900
set a timer | clock.set_timer
cancel the timer | clock.cancel_timer
stop the timers | clock.cancel_timer
cancel the pasta timer | clock.cancel_timer label=pasta
stop the timer for the eggs | clock.cancel_timer label=eggs
please stop my timer | clock.cancel_timer
show my timers | clock.list_timers
how much time is left | clock.list_timers
how much time is left on the timer | clock.list_timers
which timers are running | clock.list_timers
how long is left | clock.list_timers
# --- Messages
send Anna a message saying I'll be late | messages.send_message to="Anna Smith" body="I'll be late"
text Bob saying see you at 6 | messages.send_message to="Bob Jones" body="see you at 6"
send a message to mom saying Happy birthday! | messages.send_message to=Mom body="Happy birthday!"
tell Anna that the meeting moved to Friday | messages.send_message to="Anna Smith" body="the meeting moved to Friday"
write a text to Bob Jones that says call me back | messages.send_message to="Bob Jones" body="call me back"
message Mom saying dinner is ready | messages.send_message to=Mom body="dinner is ready"
please send a text to anna smith saying running late | messages.send_message to="Anna Smith" body="running late"
read my messages | messages.read_messages
read me my texts | messages.read_messages
read messages from Anna | messages.read_messages from="Anna Smith"
read my unread messages | messages.read_messages unread_only=true
read me my new texts from Bob | messages.read_messages from="Bob Jones" unread_only=true
what did Mom say | messages.read_messages from=Mom
do I have new messages from Bob | messages.read_messages from="Bob Jones"
show me my latest messages | messages.read_messages
are there any new messages | messages.read_messages unread_only=true
could you read me my messages please | messages.read_messages
how many unread messages do I have | messages.count_unread
how many new messages from Anna | messages.count_unread from="Anna Smith"
check my unread messages | messages.count_unread
count my new messages from mom | messages.count_unread from=Mom
show my contacts | messages.list_contacts
who is in my contacts | messages.list_contacts
who can I text | messages.list_contacts
list all my contacts | messages.list_contacts
add a contact called Carol White | messages.add_contact name="Carol White"
add Dave to my contacts | messages.add_contact name=Dave
create a new contact named Eve with number 555 1234 | messages.add_contact name=Eve phone="555 1234"
save a contact for Frank | messages.add_contact name=Frank
# --- Photos: albums
create an album called Summer | photos.create_album name=Summer
make a new album named Road Trip | photos.create_album name="Road Trip"
start a Birthday album | photos.create_album name=Birthday
new album Beach | photos.create_album name=Beach
please create a new album titled Dogs | photos.create_album name=Dogs
could you make an album called Work Stuff for me | photos.create_album name="Work Stuff"
show my albums | photos.list_albums
what albums do I have | photos.list_albums
list my albums | photos.list_albums
which albums are there | photos.list_albums
show me all of my albums | photos.list_albums
rename the album Trip to Paris Trip | photos.rename_album album=Trip new_name="Paris Trip"
rename Cats to Kittens | photos.rename_album album=Cats new_name=Kittens
change the name of the album Family to Relatives | photos.rename_album album=Family new_name=Relatives
delete the album Trip | photos.delete_album album=Trip
remove the Cats album | photos.delete_album album=Cats
please delete album Vacation 2024 | photos.delete_album album="Vacation 2024"
add the last photo to Trip | photos.add_to_album album=Trip
put this picture in the Family album | photos.add_to_album album=Family
add photos from yesterday to the album Cats | photos.add_to_album album=Cats kind=photo when=yesterday
save the videos taken last week to Trip | photos.add_to_album album=Trip kind=video when=last_week
add the last 5 photos to Family | photos.add_to_album album=Family kind=photo latest=5
add photo 12 to Cats | photos.add_to_album album=Cats photo=12
remove this photo from the album Trip | photos.remove_from_album album=Trip
take photo number 3 out of Family | photos.remove_from_album album=Family photo=3
remove the videos from last month from the Cats album | photos.remove_from_album album=Cats kind=video when=last_month
# --- Photos: library
show my photos | photos.search_media kind=photo
show me my videos | photos.search_media kind=video
show my photos from yesterday | photos.search_media kind=photo when=yesterday
show me pictures taken last week | photos.search_media kind=photo when=last_week
find videos from March | photos.search_media kind=video when=march
search for photos from last month | photos.search_media kind=photo when=last_month
show me what I took today | photos.search_media when=today
show everything from the last 3 days | photos.search_media when=last_3_days
show my favorites | photos.search_media favorites=true
show my favorite videos | photos.search_media favorites=true kind=video
show my favorite photos from this month | photos.search_media favorites=true kind=photo when=this_month
show my photos in the album Trip | photos.search_media kind=photo album=Trip
show me the Family album | photos.search_media album=Family
show me the recently deleted photos | photos.search_media recently_deleted=true kind=photo
show me recently deleted | photos.search_media recently_deleted=true
show my blue photos | photos.search_media label=blue kind=photo
could you show me the pictures from yesterday please | photos.search_media kind=photo when=yesterday
find my videos from 3 days ago | photos.search_media kind=video when=3_days_ago
favorite this photo | photos.favorite_photos
favourite the last picture | photos.favorite_photos
like the latest video | photos.favorite_photos
add this photo to my favorites | photos.favorite_photos
favorite photo 7 | photos.favorite_photos photo=7
favorite the videos from yesterday | photos.favorite_photos kind=video when=yesterday
unfavorite this photo | photos.unfavorite_photos
remove the last picture from my favorites | photos.unfavorite_photos
unstar photo number 4 | photos.unfavorite_photos photo=4
delete this photo | photos.delete_photos
trash the last video | photos.delete_photos
delete photo 9 | photos.delete_photos photo=9
delete the photos from yesterday | photos.delete_photos kind=photo when=yesterday
remove all videos taken last week | photos.delete_photos kind=video when=last_week
delete the last 3 photos | photos.delete_photos latest=3 kind=photo
please throw away the latest picture | photos.delete_photos
recover this photo | photos.recover_photos
restore photo 5 | photos.recover_photos photo=5
bring back all my photos from recently deleted | photos.recover_photos
undelete everything | photos.recover_photos
empty the recently deleted folder | photos.empty_recently_deleted
empty the trash | photos.empty_recently_deleted
clear the recycle bin | photos.empty_recently_deleted
permanently delete everything in recently deleted | photos.empty_recently_deleted
import photos from /tmp/pics | photos.import_media path=/tmp/pics
import the videos from ~/Movies/holiday into the album Trip | photos.import_media path=~/Movies/holiday album=Trip
add /home/me/cat.jpg to my library | photos.import_media path=/home/me/cat.jpg
# --- Camera
take a photo | camera.take_photo
take a picture please | camera.take_photo
snap a selfie | camera.take_photo
say cheese | camera.take_photo
take a picture for the album Family | camera.take_photo album=Family
could you take a photo now | camera.take_photo
record a video | camera.record_clip
film a clip | camera.record_clip
record a 30 second video | camera.record_clip duration=30
record a video for two minutes | camera.record_clip duration=120
start recording | camera.record_clip
what is the camera looking at | camera.get_status
camera status | camera.get_status
show the camera source | camera.get_status
use /tmp/street.mp4 as the camera source | camera.set_source path=/tmp/street.mp4
point the camera at /videos/park.mov | camera.set_source path=/videos/park.mov
# --- Mandarin
打开无线网络 | settings.set_toggle toggle=wifi on=true
关闭蓝牙 | settings.set_toggle toggle=bluetooth on=false
请打开飞行模式 | settings.set_toggle toggle=airplane_mode on=true
把音量调到五十 | settings.set_level level=volume percent=50
把亮度设为百分之八十 | settings.set_level level=brightness percent=80
音量是多少 | settings.get_level level=volume
设一个七点半的闹钟 | clock.set_alarm time=07:30
设置一个十分钟的计时器 | clock.set_timer duration=600
取消所有闹钟 | clock.cancel_all_alarms
我有哪些闹钟 | clock.list_alarms
查看计时器 | clock.list_timers
显示联系人 | messages.list_contacts
我有几条未读消息 | messages.count_unread
拍照 | camera.take_photo
拍一张照片 | camera.take_photo
显示设置 | settings.show_settings
创建相册旅行 | photos.create_album name=旅行
清空最近删除 | photos.empty_recently_deleted
# --- Near-misses: must not be understood
what's the weather like today | -
play some music | -
call Anna | -
turn on the lights in the kitchen | -
order a pizza | -
how tall is mount everest | -
delete | -
turn | -
set | -
remove it all | -
the photos | -
wifi bluetooth | -
open the garage door | -
navigate home | -
what is the capital of france | -
tell me a joke | -
good morning | -
delete the album Holidays | -
show me the album Zebra | -
send a message | -
empty | -
cancel | -
turn up | settings.adjust_level direction=up
hello there | -
set the temperature to 20 degrees | -
book a flight to Paris | -
delete my account | -
"""#
